// https -> http through real libcurl: a local TLS server (python3's ssl over a
// certificate made by openssl for 127.0.0.1, trusted through CurlOptions::ca_file)
// redirects to the plain-http fixture server, and the transport refuses the hop.
// Skipped, saying why, when /usr/bin/openssl or /usr/bin/python3 is missing.
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/integration/http/server_fixture.hpp"
#include "tests/support/process.hpp"
#include "tests/unit/http/temp_dir.hpp"

namespace scrapers::http {
namespace {

using testing::ServerTest;

constexpr const char* kOpenssl = "/usr/bin/openssl";
constexpr const char* kPython = "/usr/bin/python3";

// Answers every GET with 302 to argv[3]; prints "PORT <n>" once it listens.
constexpr const char* kRedirectingTlsServer = R"py(
import http.server, ssl, sys
class Redirect(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(302)
        self.send_header("Location", sys.argv[3])
        self.send_header("Content-Length", "0")
        self.end_headers()
    def log_message(self, *args):
        pass
server = http.server.HTTPServer(("127.0.0.1", 0), Redirect)
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(sys.argv[1], sys.argv[2])
server.socket = context.wrap_socket(server.socket, server_side=True)
print("PORT", server.server_address[1], flush=True)
server.serve_forever()
)py";

class CurlTlsRedirectTest : public ServerTest {};

TEST_F(CurlTlsRedirectTest, ARedirectFromHttpsToHttpIsRefusedBeforeItIsSent) {
  if (!std::filesystem::exists(kOpenssl) || !std::filesystem::exists(kPython)) {
    GTEST_SKIP() << "needs " << kOpenssl << " and " << kPython;
  }
  testing::TempDir dir;
  const std::string cert = (dir.path() / "cert.pem").string();
  const std::string key = (dir.path() / "key.pem").string();
  const auto made = scrapers::testing::run_process(
      kOpenssl, {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1",
                 "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  const std::string script = (dir.path() / "redirect.py").string();
  testing::write_text(script, kRedirectingTlsServer);
  auto tls = scrapers::testing::start_process(kPython, {script, cert, key, url("/__gen/echo")});
  ASSERT_TRUE(tls.wait_for_output("PORT ", std::chrono::seconds(60))) << tls.err_so_far();
  std::string port = tls.out_so_far().substr(tls.out_so_far().find("PORT ") + 5);
  port = port.substr(0, port.find('\n'));

  CurlOptions options = quick_options();
  options.ca_file = cert;
  CurlTransport transport(options);
  for (const Reach reach : {Reach::site, Reach::download}) {
    Request request;
    request.url = "https://127.0.0.1:" + port + "/start";
    request.reach = reach;
    request.trusted_host = "127.0.0.1";  // so the download's first hop may go to this local server
    auto response = transport.send(request);
    ASSERT_FALSE(response.ok());
    EXPECT_EQ(response.error().kind, ErrorKind::invalid_argument);
    EXPECT_NE(response.error().message.find("(a redirect from https to http)"), std::string::npos)
        << response.error().message;
  }
  Request manual;
  manual.url = "https://127.0.0.1:" + port + "/start";
  manual.follow_redirects = false;
  auto seen = transport.send(manual);
  ASSERT_TRUE(seen.ok()) << seen.error().describe() << " (the TLS server itself must answer)";
  EXPECT_EQ(seen->status, 302);
  EXPECT_TRUE(server().requests().empty()) << "nothing went to the plain-http server";
}

}  // namespace
}  // namespace scrapers::http
