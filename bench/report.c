/*
 * bench-report: turn the BENCH lines of a benchmark guest's serial log
 * into a Markdown table, a CSV and a gnuplot data file.
 *
 *   bench-report OUTDIR "ACCELERATOR DESCRIPTION" LABEL BODY=LOG...
 *
 * One LOG per entry body (one boot each). Writes OUTDIR/results.csv,
 * OUTDIR/report.md (a side-by-side summary, then a table per body) and
 * OUTDIR/plot-BODY.dat (ns per call against batch size, one column per
 * call). Every ratio compares an XSC form with the syscall instruction
 * form of the same boot.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXROWS 256
#define MAXBODIES 4

struct row {
	int body;
	char form[16], call[32];
	int batch;
	long min, med, max, calls;
};

static struct row rows[MAXROWS];
static int nrows;
static const char *body_name[MAXBODIES];
static int nbodies;
/* the XSC program's /proc/self/xsc at the end of its run, per body */
static long ring_calls[MAXBODIES] = { -1, -1, -1, -1 };
static long entries[MAXBODIES], slow_calls[MAXBODIES];
/* minor faults per fork x100 (FORKFAULTS lines): [body][insn, xsc1][parent, child] */
static long fork_faults[MAXBODIES][2][2] = {
	{ { -1, -1 }, { -1, -1 } }, { { -1, -1 }, { -1, -1 } },
	{ { -1, -1 }, { -1, -1 } }, { { -1, -1 }, { -1, -1 } }
};

static const char *const calls[] = {
	"getppid", "read", "write", "fstat", "clock_gettime", "cputime"
};
#define NCALLS (int)(sizeof(calls) / sizeof(calls[0]))
static const int sizes[] = { 1, 8, 32, 128 };

static const struct row *find(int body, const char *form, const char *call, int batch)
{
	for (int i = 0; i < nrows; i++)
		if (rows[i].body == body && !strcmp(rows[i].form, form) &&
		    !strcmp(rows[i].call, call) && rows[i].batch == batch)
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

static int read_log(int body, const char *path)
{
	char *line = NULL;
	size_t cap = 0;
	int n = 0;
	FILE *in = fopen(path, "r");

	if (!in) {
		perror(path);
		return -1;
	}
	while (getline(&line, &cap, in) > 0 && nrows < MAXROWS) {
		struct row r;

		r.body = body;
		if (sscanf(line, "BENCH %15s %31s %d %ld %ld %ld %ld", r.form, r.call, &r.batch,
			   &r.min, &r.med, &r.max, &r.calls) == 7) {
			rows[nrows++] = r;
			n++;
		}
		sscanf(line, "COUNTERS ring_calls %ld entries %ld slow_calls %ld", &ring_calls[body],
		       &entries[body], &slow_calls[body]);
		if (sscanf(line, "FORKFAULTS %15s", r.form) == 1) {
			long *ff = fork_faults[body][strcmp(r.form, "insn") ? 1 : 0];

			sscanf(line, "FORKFAULTS %*s %ld %ld", &ff[0], &ff[1]);
		}
	}
	fclose(in);
	free(line);
	return n;
}

static void body_table(FILE *f, int b)
{
	const struct row *e = find(b, "bare", "empty-ring", 1);
	const struct row *g = find(b, "insn", "getppid", 1);
	const struct row *fi = find(b, "insn", "fork", 1), *fx = find(b, "xsc1", "fork", 1);
	int c, s;

	fprintf(f, "\n## Entry body: %s\n\n", body_name[b]);
	fprintf(f, "| call | insn | xsc, 1 SQE/entry | batch 1 | batch 8 | batch 32 | batch 128 |\n");
	fprintf(f, "|---|---|---|---|---|---|---|\n");
	for (c = 0; c < NCALLS; c++) {
		const struct row *base = find(b, "insn", calls[c], 1);

		fprintf(f, "| %s |", calls[c]);
		cell(f, base, NULL);
		cell(f, find(b, "xsc1", calls[c], 1), base);
		for (s = 0; s < 4; s++)
			cell(f, find(b, "batch", calls[c], sizes[s]), base);
		fprintf(f, "\n");
	}
	fprintf(f, "\nfork + _exit + waitpid:");
	if (fi && fx && fi->med > 0)
		fprintf(f, " %ld ns with the instruction, %ld ns (%.2fx) with the ring", fi->med,
			fx->med, (double)fx->med / (double)fi->med);
	else
		fprintf(f, " n/a");
	fprintf(f, "; minor faults per fork (parent + child): insn");
	for (int k = 0; k < 2; k++) {
		const long *ff = fork_faults[b][k];

		if (ff[0] < 0 || ff[1] < 0)
			fprintf(f, "%s n/a", k ? ", xsc" : "");
		else
			fprintf(f, "%s %ld.%02ld + %ld.%02ld", k ? ", xsc" : "", ff[0] / 100,
				ff[0] % 100, ff[1] / 100, ff[1] % 100);
	}
	fprintf(f, ".\n");
	fprintf(f, "\nBare entry with an empty ring (no SQE):");
	if (e)
		fprintf(f, " %ld ns (min %ld, max %ld)", e->med, e->min, e->max);
	if (e && g && g->med > 0)
		fprintf(f, ", %.2fx the getppid instruction", (double)e->med / (double)g->med);
	fprintf(f, ".\n");
	if (ring_calls[b] >= 0)
		fprintf(f, "\nDriver counters of the XSC program at the end of its run: %ld ring calls, "
			   "%ld entries, %ld of the calls through the full entry work (slow path).\n",
			ring_calls[b], entries[b], slow_calls[b]);
}

static void ratio_cell(FILE *f, int b, const char *form, const char *call, int batch)
{
	const struct row *r = find(b, form, call, batch), *base = find(b, "insn", call, 1);

	if (r && base && base->med > 0)
		fprintf(f, " %.2fx |", (double)r->med / (double)base->med);
	else
		fprintf(f, " n/a |");
}

int main(int argc, char **argv)
{
	FILE *f;
	int b, c, s;

	if (argc < 5 || !strcmp(argv[1], "--help")) {
		fprintf(argc < 5 ? stderr : stdout,
			"usage: bench-report OUTDIR \"ACCELERATOR\" LABEL BODY=LOG...\n"
			"Writes results.csv, report.md and plot-BODY.dat from the BENCH lines\n"
			"of one benchmark boot per entry body.\n");
		return argc < 5 ? 2 : 0;
	}
	for (int i = 4; i < argc && nbodies < MAXBODIES; i++) {
		char *eq = strchr(argv[i], '=');

		if (!eq) {
			fprintf(stderr, "bench-report: %s: expected BODY=LOG\n", argv[i]);
			return 2;
		}
		*eq = 0;
		body_name[nbodies] = argv[i];
		if (read_log(nbodies, eq + 1) <= 0) {
			fprintf(stderr, "bench-report: no BENCH lines in %s\n", eq + 1);
			return 1;
		}
		nbodies++;
	}

	f = open_out(argv[1], "results.csv");
	fprintf(f, "body,form,call,batch,min_ns,median_ns,max_ns,calls_per_run,ratio_to_insn\n");
	for (int i = 0; i < nrows; i++) {
		const struct row *base = find(rows[i].body, "insn", rows[i].call, 1);

		fprintf(f, "%s,%s,%s,%d,%ld,%ld,%ld,%ld,", body_name[rows[i].body], rows[i].form,
			rows[i].call, rows[i].batch, rows[i].min, rows[i].med, rows[i].max,
			rows[i].calls);
		if (base && base->med > 0)
			fprintf(f, "%.3f\n", (double)rows[i].med / (double)base->med);
		else
			fprintf(f, "\n");
	}
	fclose(f);

	f = open_out(argv[1], "report.md");
	fprintf(f, "# XSC ring calls against the syscall instruction: %s\n\n", argv[3]);
	fprintf(f, "Accelerator: %s. One boot per entry body; each boot runs the syscall\n"
		   "instruction (`insn`) and the ring forms. Ratios are to the `insn` median of\n"
		   "the same boot (lower is better). clock_gettime (CLOCK_MONOTONIC) and cputime\n"
		   "(CLOCK_PROCESS_CPUTIME_ID, a vDSO fallback) are vDSO calls in the `insn` and\n"
		   "1-SQE forms: the ordinary vDSO, or the XSC vDSO whose fallback enters the\n"
		   "kernel twice through the ring (find the ring, run the SQE); in batches they\n"
		   "are ring SQEs like the other calls.\n\n", argv[2]);
	fprintf(f, "## Side by side: ratio to the instruction\n\n| call |");
	for (b = 0; b < nbodies; b++)
		fprintf(f, " 1 SQE, %s | batch 32, %s | batch 128, %s |", body_name[b],
			body_name[b], body_name[b]);
	fprintf(f, "\n|---|");
	for (b = 0; b < nbodies; b++)
		fprintf(f, "---|---|---|");
	fprintf(f, "\n");
	for (c = 0; c < NCALLS; c++) {
		fprintf(f, "| %s |", calls[c]);
		for (b = 0; b < nbodies; b++) {
			ratio_cell(f, b, "xsc1", calls[c], 1);
			ratio_cell(f, b, "batch", calls[c], 32);
			ratio_cell(f, b, "batch", calls[c], 128);
		}
		fprintf(f, "\n");
	}
	fprintf(f, "| fork + exit + wait |");
	for (b = 0; b < nbodies; b++) {
		ratio_cell(f, b, "xsc1", "fork", 1);
		fprintf(f, " | |");
	}
	fprintf(f, "\n");
	fprintf(f, "| empty entry |");
	for (b = 0; b < nbodies; b++) {
		const struct row *e = find(b, "bare", "empty-ring", 1);
		const struct row *g = find(b, "insn", "getppid", 1);

		if (e && g && g->med > 0)
			fprintf(f, " %.2fx | | |", (double)e->med / (double)g->med);
		else
			fprintf(f, " n/a | | |");
	}
	fprintf(f, "\n");
	for (b = 0; b < nbodies; b++)
		body_table(f, b);
	fprintf(f, "\nMedian ns per call, ratio in brackets; min / median / max of every figure: "
		   "`results.csv`.\n");
	fclose(f);

	for (b = 0; b < nbodies; b++) {
		char name[64];

		snprintf(name, sizeof(name), "plot-%s.dat", body_name[b]);
		f = open_out(argv[1], name);
		fprintf(f, "batch");
		for (c = 0; c < NCALLS; c++)
			fprintf(f, " %s", calls[c]);
		fprintf(f, "\n");
		for (s = 0; s < 4; s++) {
			fprintf(f, "%d", sizes[s]);
			for (c = 0; c < NCALLS; c++) {
				const struct row *r = find(b, "batch", calls[c], sizes[s]);

				fprintf(f, " %ld", r ? r->med : 0L);
			}
			fprintf(f, "\n");
		}
		fclose(f);
	}
	return 0;
}
