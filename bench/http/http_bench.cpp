// Costs of the HTTP layer's own work: URL handling, replay lookup, JSON
// classification, and a real keep-alive round trip through libcurl to the local
// fixture server (the floor under every fetch in tests).
#include <benchmark/benchmark.h>

#include "common/http/classify.hpp"
#include "common/http/curl_transport.hpp"
#include "common/http/replay_transport.hpp"
#include "common/http/url.hpp"
#ifdef SCRAPERS_BENCH_WITH_SERVER
#include "tests/fixture_server/fixture_server.hpp"
#endif

namespace {

using namespace scrapers::http;

void BM_ResolveUrl(benchmark::State& state) {
  for (auto _ : state) {
    auto resolved = resolve_url("https://www.chereads.com/novel/solo-leveling_123/catalog", "../chapter/4567?x=1");
    benchmark::DoNotOptimize(resolved);
  }
}
BENCHMARK(BM_ResolveUrl);

void BM_ReplayLookup(benchmark::State& state) {
  auto replay = ReplayTransport::open(std::string(SCRAPERS_SOURCE_DIR) + "/fixtures/http");
  if (!replay.ok()) {
    state.SkipWithError(replay.error().describe().c_str());
    return;
  }
  Request request;
  request.url = "https://example.test/api/hello?lang=en";
  for (auto _ : state) {
    auto response = (*replay)->send(request);
    benchmark::DoNotOptimize(response);
  }
}
BENCHMARK(BM_ReplayLookup);

void BM_ParseJsonBody(benchmark::State& state) {
  Response response;
  response.status = 200;
  response.headers.add("Content-Type", "application/json");
  response.body = "[";
  for (int i = 0; i < state.range(0); ++i) {
    response.body += (i ? "," : "") + std::string(R"({"id":)") + std::to_string(i) + R"(,"title":"Chapter"})";
  }
  response.body += "]";
  for (auto _ : state) {
    auto json = parse_json_body(response, "https://wuxiaworld.eu/api/chapters/x/");
    benchmark::DoNotOptimize(json);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(response.body.size()));
}
BENCHMARK(BM_ParseJsonBody)->Arg(100)->Arg(5000);

#ifdef SCRAPERS_BENCH_WITH_SERVER
void BM_CurlRoundTripToFixtureServer(benchmark::State& state) {
  scrapers::testing::FixtureServerOptions options;
  options.root = std::string(SCRAPERS_SOURCE_DIR) + "/fixtures/http";
  scrapers::testing::FixtureServer server(options);
  if (!server.start().ok()) {
    state.SkipWithError("fixture server did not start");
    return;
  }
  CurlTransport transport;
  Request request;
  request.url = server.base_url() + "/api/hello?lang=en";
  for (auto _ : state) {
    auto response = transport.send(request);
    if (!response.ok()) state.SkipWithError(response.error().describe().c_str());
    benchmark::DoNotOptimize(response);
  }
}
BENCHMARK(BM_CurlRoundTripToFixtureServer)->UseRealTime();
#endif

}  // namespace

BENCHMARK_MAIN();
