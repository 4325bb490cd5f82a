#include "tests/fixture_server/responses.hpp"

#include <arpa/inet.h>
#include <brotli/encode.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <stdexcept>
#include <thread>

namespace scrapers::testing {
namespace {

int port_of(const sockaddr_storage& address) {
  if (address.ss_family == AF_INET) {
    return ntohs(reinterpret_cast<const sockaddr_in*>(&address)->sin_port);
  }
  if (address.ss_family == AF_INET6) {
    return ntohs(reinterpret_cast<const sockaddr_in6*>(&address)->sin6_port);
  }
  return -1;
}

struct ZStream {
  z_stream stream{};
  ZStream() {
    if (deflateInit2(&stream, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
      throw std::runtime_error("deflateInit2 failed");
    }
  }
  ~ZStream() { deflateEnd(&stream); }
  ZStream(const ZStream&) = delete;
  ZStream& operator=(const ZStream&) = delete;
};

}  // namespace

std::string gzip_compress(std::string_view data) {
  ZStream z;
  std::string out(deflateBound(&z.stream, static_cast<uLong>(data.size())) + 32, '\0');
  z.stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.stream.avail_in = static_cast<uInt>(data.size());
  z.stream.next_out = reinterpret_cast<Bytef*>(out.data());
  z.stream.avail_out = static_cast<uInt>(out.size());
  if (deflate(&z.stream, Z_FINISH) != Z_STREAM_END) throw std::runtime_error("gzip failed");
  out.resize(z.stream.total_out);
  return out;
}

std::string brotli_compress(std::string_view data) {
  std::size_t size = BrotliEncoderMaxCompressedSize(data.size());
  std::string out(size == 0 ? data.size() + 1024 : size, '\0');
  if (BrotliEncoderCompress(5, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, data.size(),
                            reinterpret_cast<const std::uint8_t*>(data.data()), &size,
                            reinterpret_cast<std::uint8_t*>(out.data())) == BROTLI_FALSE) {
    throw std::runtime_error("brotli failed");
  }
  out.resize(size);
  return out;
}

std::string hostile_html(std::string_view shape, std::size_t count) {
  std::string page = "<!DOCTYPE html><html><head><title>Chapter</title></head><body><main id=\"content\">";
  if (shape == "nested") {
    for (std::size_t i = 0; i < count; ++i) page += "<div>";
    page += "deep";
    for (std::size_t i = 0; i < count; ++i) page += "</div>";
  } else if (shape == "attributes") {
    page += "<p";
    for (std::size_t i = 0; i < count; ++i) page += " a" + std::to_string(i) + "=\"1\"";
    page += ">wide</p>";
  } else {
    for (std::size_t i = 0; i < count; ++i) page += "<i>x</i>";
  }
  return page + "</main></body></html>";
}

std::string challenge_page() {
  return "<!DOCTYPE html><html lang=\"en-US\"><head><title>Just a moment...</title>"
         "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\">"
         "<meta name=\"robots\" content=\"noindex,nofollow\"></head><body>"
         "<div class=\"main-wrapper\" role=\"main\"><div class=\"main-content\">"
         "<noscript><div class=\"h2\"><span id=\"challenge-error-text\">Enable JavaScript and "
         "cookies to continue</span></div></noscript></div></div>"
         "<script>(function(){window._cf_chl_opt={cvId: '3',cZone: 'www.example.test',"
         "cType: 'managed'};var a = document.createElement('script');"
         "a.src = '/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1?ray=8f1b2c3d4e5f6789';"
         "document.getElementsByTagName('head')[0].appendChild(a);}());</script></body></html>";
}

std::string filler_text(std::size_t size) {
  static const std::string line = "The quick brown fox jumps over the lazy dog 0123456789.\n";
  std::string out;
  out.reserve(size);
  while (out.size() < size) out.append(line, 0, std::min(line.size(), size - out.size()));
  return out;
}

bool sleep_unless(const std::atomic<bool>& stopping, std::chrono::milliseconds duration) {
  const auto deadline = std::chrono::steady_clock::now() + duration;
  while (std::chrono::steady_clock::now() < deadline) {
    if (stopping.load()) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return !stopping.load();
}

void set_streamed_body(httplib::Response& res, const std::string& content_type, StreamSpec spec,
                       std::shared_ptr<std::atomic<std::size_t>> sent, const std::atomic<bool>& stopping) {
  if (spec.body) spec.available = spec.body->size();
  spec.declared = std::max(spec.declared, spec.available);
  spec.chunk = std::max<std::size_t>(spec.chunk, 1);
  auto shared = std::make_shared<const StreamSpec>(std::move(spec));
  auto filler = std::make_shared<const std::string>(filler_text(std::min<std::size_t>(shared->chunk, 1 << 16)));
  const std::atomic<bool>* stop = &stopping;
  res.set_content_provider(
      shared->declared, content_type,
      [shared, filler, sent, stop](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
        if (offset >= shared->available || stop->load()) return false;  // closes the connection
        if (offset > 0 && shared->interval.count() > 0 && !sleep_unless(*stop, shared->interval)) {
          return false;
        }
        const std::size_t n = std::min({shared->chunk, filler->size(), length, shared->available - offset});
        const char* data = shared->body ? shared->body->data() + offset : filler->data();
        if (!sink.write(data, n)) return false;
        *sent += n;
        return true;
      });
}

bool reset_connection(const httplib::Request& req) {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd", ec)) {
    int fd = -1;
    try {
      fd = std::stoi(entry.path().filename().string());
    } catch (const std::exception&) {
      continue;
    }
    sockaddr_storage peer{};
    sockaddr_storage local{};
    socklen_t peer_len = sizeof peer;
    socklen_t local_len = sizeof local;
    if (::getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peer_len) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_len) != 0 ||
        port_of(peer) != req.remote_port || port_of(local) != req.local_port) {
      continue;
    }
    const linger abort_on_close{1, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &abort_on_close, sizeof abort_on_close);
    // Swap an unconnected socket into the descriptor: the connection's last reference
    // goes away (RST, because of the zero linger) while the server's fd stays valid.
    const int spare = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (spare < 0) return false;
    ::dup2(spare, fd);
    ::close(spare);
    return true;
  }
  return false;
}

}  // namespace scrapers::testing
