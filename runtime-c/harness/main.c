/* The harness binary's entry point (linked from libfgftsim.a into every driver's harness). */
#include <stdio.h>
#include "harness.h"

int fgft_harness_main(int argc, char **argv)
{
	struct fgft_harness_options opts;
	struct fgft_harness_report report;

	if (fgft_harness_parse(argc, argv, &opts))
		return 2;
	if (fgft_harness_run(&opts, &report)) {
		fprintf(stderr, "%s: error: could not build the simulated machine\n", argc ? argv[0] : "harness");
		return 2;
	}
	fgft_harness_print(&report, stdout);
	if (opts.json_path && fgft_harness_write_json(&report, opts.json_path)) {
		fprintf(stderr, "%s: error: cannot write '%s'\n", argc ? argv[0] : "harness", opts.json_path);
		return 2;
	}
	return report.pass ? 0 : 1;
}

int main(int argc, char **argv)
{
	return fgft_harness_main(argc, argv);
}
