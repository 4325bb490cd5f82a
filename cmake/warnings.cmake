# One interface target carrying the project's warning flags; every target links it.
add_library(project_warnings INTERFACE)
target_compile_options(project_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Wunused -Woverloaded-virtual -Wconversion -Wsign-conversion -Wnull-dereference
  -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
# Debian's libpqxx headers leave optional support off; without it, reading NULL into
# std::optional compiles but aborts at run time.
target_compile_definitions(project_warnings INTERFACE PQXX_HAVE_OPTIONAL=1)
if(SCRAPERS_WARNINGS_AS_ERRORS)
  target_compile_options(project_warnings INTERFACE -Werror)
endif()
