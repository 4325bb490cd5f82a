// pipeline-jobs: migrate, inspect and maintain the pipeline_jobs table (see cli.hpp).
#include "scrapers/admin/commands.hpp"

int main(int argc, char** argv) { return scrapers::admin::pipeline_jobs_main(argc, argv); }
