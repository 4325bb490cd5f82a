// readnovel-segment: see the program's header and its registration in programs.cpp.
#include "scrapers/registry/registry.hpp"

int main(int argc, char** argv) { return scrapers::registry::main_of("readnovel-segment", argc, argv); }
