# Dependency lookup: Debian 12 packages only (see README "Dependencies").
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(CURL REQUIRED)
find_package(OpenSSL REQUIRED)          # sha256 / HMAC for asset hashes and SigV4 checks
find_package(nlohmann_json 3.11 REQUIRED)
pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo)
pkg_check_modules(PQXX REQUIRED IMPORTED_TARGET libpqxx)
find_path(CLI11_INCLUDE_DIR CLI/CLI.hpp REQUIRED)
add_library(cli11 INTERFACE)
target_include_directories(cli11 SYSTEM INTERFACE ${CLI11_INCLUDE_DIR})
# GCC 12 reports a false "potential null pointer dereference" inside CLI11 2.1.2's
# CLI::detail::split (inlined std::string moves) in every file that includes CLI11.
# GCC obeys the last of -Wnull-dereference / -Wno-null-dereference on the command line,
# so cli11 brings the project's warning flags first and the exception after them.
add_library(cli11_null_dereference_off INTERFACE)
target_compile_options(cli11_null_dereference_off INTERFACE -Wno-null-dereference)
target_link_libraries(cli11 INTERFACE project_warnings cli11_null_dereference_off)
