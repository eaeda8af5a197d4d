/*
 * bench-report: turn the BENCH lines of a benchmark guest's serial log
 * into a Markdown table, a CSV and a gnuplot data file.
 *
 *   bench-report LOG OUTDIR "ACCELERATOR DESCRIPTION" [LABEL]
 *
 * Writes OUTDIR/results.csv, OUTDIR/report.md and OUTDIR/plot.dat (ns per
 * call against batch size, one column per call). Every ratio compares an
 * XSC form with the syscall instruction form of the same boot.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXROWS 64

struct row {
	char form[16], call[32];
	int batch;
	long min, med, max, calls;
};

static struct row rows[MAXROWS];
static int nrows;

static const char *const calls[] = { "getppid", "read", "write", "fstat", "clock_gettime" };
#define NCALLS (int)(sizeof(calls) / sizeof(calls[0]))
static const int sizes[] = { 1, 8, 32, 128 };

static const struct row *find(const char *form, const char *call, int batch)
{
	for (int i = 0; i < nrows; i++)
		if (!strcmp(rows[i].form, form) && !strcmp(rows[i].call, call) &&
		    rows[i].batch == batch)
			return &rows[i];
	return NULL;
}

static FILE *open_out(const char *dir, const char *name)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	if (!f) {
		perror(path);
		exit(1);
	}
	return f;
}

static void cell(FILE *f, const struct row *r, const struct row *base)
{
	if (!r)
		fprintf(f, " n/a |");
	else if (base && base->med > 0)
		fprintf(f, " %ld (%.2fx) |", r->med, (double)r->med / (double)base->med);
	else
		fprintf(f, " %ld |", r->med);
}

int main(int argc, char **argv)
{
	char *line = NULL;
	size_t cap = 0;
	FILE *in, *f;
	int c, s;

	if (argc < 4 || !strcmp(argv[1], "--help")) {
		fprintf(argc < 4 ? stderr : stdout,
			"usage: bench-report LOG OUTDIR \"ACCELERATOR\" [LABEL]\n"
			"Writes results.csv, report.md and plot.dat from the BENCH lines of LOG.\n");
		return argc < 4 ? 2 : 0;
	}
	in = fopen(argv[1], "r");
	if (!in) {
		perror(argv[1]);
		return 1;
	}
	while (getline(&line, &cap, in) > 0 && nrows < MAXROWS) {
		struct row r;

		if (sscanf(line, "BENCH %15s %31s %d %ld %ld %ld %ld", r.form, r.call, &r.batch,
			   &r.min, &r.med, &r.max, &r.calls) == 7)
			rows[nrows++] = r;
	}
	fclose(in);
	free(line);
	if (!nrows) {
		fprintf(stderr, "bench-report: no BENCH lines in %s\n", argv[1]);
		return 1;
	}

	f = open_out(argv[2], "results.csv");
	fprintf(f, "form,call,batch,min_ns,median_ns,max_ns,calls_per_run,ratio_to_insn\n");
	for (int i = 0; i < nrows; i++) {
		const struct row *b = find("insn", rows[i].call, 1);

		fprintf(f, "%s,%s,%d,%ld,%ld,%ld,%ld,", rows[i].form, rows[i].call, rows[i].batch,
			rows[i].min, rows[i].med, rows[i].max, rows[i].calls);
		if (b && b->med > 0)
			fprintf(f, "%.3f\n", (double)rows[i].med / (double)b->med);
		else
			fprintf(f, "\n");
	}
	fclose(f);

	f = open_out(argv[2], "report.md");
	fprintf(f, "# XSC ring calls against the syscall instruction%s%s\n\n",
		argc > 4 ? ": " : "", argc > 4 ? argv[4] : "");
	fprintf(f, "Accelerator: %s. Median ns per call over the runs; in brackets the ratio\n"
		   "to the syscall instruction (`insn`) of the same boot (lower is better).\n"
		   "An unmarked task's clock_gettime uses the vDSO; an XSC task has none and\n"
		   "goes through the ring.\n\n", argv[3]);
	fprintf(f, "| call | insn | xsc, 1 SQE/entry | batch 1 | batch 8 | batch 32 | batch 128 |\n");
	fprintf(f, "|---|---|---|---|---|---|---|\n");
	for (c = 0; c < NCALLS; c++) {
		const struct row *b = find("insn", calls[c], 1);

		fprintf(f, "| %s |", calls[c]);
		cell(f, b, NULL);
		cell(f, find("xsc1", calls[c], 1), b);
		for (s = 0; s < 4; s++)
			cell(f, find("batch", calls[c], sizes[s]), b);
		fprintf(f, "\n");
	}
	{
		const struct row *e = find("bare", "empty-ring", 1);
		const struct row *g = find("insn", "getppid", 1);

		fprintf(f, "\nBare entry with an empty ring (no SQE):");
		if (e)
			fprintf(f, " %ld ns (min %ld, max %ld)", e->med, e->min, e->max);
		if (e && g && g->med > 0)
			fprintf(f, ", %.2fx the getppid instruction", (double)e->med / (double)g->med);
		fprintf(f, ".\n\nmin / median / max per figure: `results.csv`.\n");
	}
	fclose(f);

	f = open_out(argv[2], "plot.dat");
	fprintf(f, "batch");
	for (c = 0; c < NCALLS; c++)
		fprintf(f, " %s", calls[c]);
	fprintf(f, "\n");
	for (s = 0; s < 4; s++) {
		fprintf(f, "%d", sizes[s]);
		for (c = 0; c < NCALLS; c++) {
			const struct row *r = find("batch", calls[c], sizes[s]);

			fprintf(f, " %ld", r ? r->med : 0L);
		}
		fprintf(f, "\n");
	}
	fclose(f);
	return 0;
}
