/*
 * xsc-nosyscall: the GCC plugin behind -mno-syscall (always on in the XSC
 * driver). Every inline asm statement of a function, and every top-level
 * asm, is read as the assembler would read it: a syscall, sysenter or
 * int $0x80 instruction (any case, after prefixes and labels, the vector
 * as $0x80, $128, $0200 or an "i" operand of that value) or the bytes
 * 0f 05 / 0f 34 / cd 80 in a .byte/.word/.short directive stop the
 * compile with an error at the asm's source line. What this cannot read
 * (an expression for the vector, a macro), the toolchain's as still
 * refuses after assembling (xsc-tool.c).
 *
 * C++ because GCC's plugin API is; kept to plain C style.
 */
#include "gcc-plugin.h"
#include "plugin-version.h"
#include "tree.h"
#include "cgraph.h"
#include "diagnostic-core.h"
#include "stringpool.h"
#include "tree-iterator.h"
#include <stdlib.h>
#include <string.h>

int plugin_is_GPL_compatible;

/* the value of asm operand N of EXPR when it is an integer constant */
static bool operand_value(tree expr, int n, long *val)
{
	tree list;
	int i = 0;

	if (!expr)
		return false;
	for (list = ASM_OUTPUTS(expr); list; list = TREE_CHAIN(list))
		i++;
	if (n < i)
		return false;
	for (list = ASM_INPUTS(expr); list; list = TREE_CHAIN(list), i++) {
		if (i == n) {
			tree v = TREE_VALUE(list);

			STRIP_NOPS(v);
			if (TREE_CODE(v) == INTEGER_CST && tree_fits_shwi_p(v)) {
				*val = tree_to_shwi(v);
				return true;
			}
			return false;
		}
	}
	return false;
}

/* a number as gas reads it: 0x.., 0.. (octal), 0b.., decimal */
static bool number(const char *s, long *v)
{
	char *end;

	while (*s == ' ' || *s == '\t')
		s++;
	if (s[0] == '0' && (s[1] == 'b' || s[1] == 'B'))
		*v = strtol(s + 2, &end, 2);
	else
		*v = strtol(s, &end, 0);
	return end != s;
}

/* Is one statement (no ';' or newline in it) a forbidden instruction? */
static const char *statement(const char *s, size_t len, tree expr)
{
	char buf[256];
	size_t i, n = len < sizeof(buf) - 1 ? len : sizeof(buf) - 1;
	char *p, *word;

	for (i = 0; i < n; i++)
		buf[i] = (char)TOLOWER(s[i]);
	buf[n] = 0;
	p = buf;
	for (;;) {	/* labels and prefixes before the mnemonic */
		while (*p == ' ' || *p == '\t')
			p++;
		word = p;
		while (*p && !ISSPACE(*p) && *p != ':')
			p++;
		if (*p == ':') {
			p++;
			continue;
		}
		size_t wl = (size_t)(p - word);
		if ((wl == 4 && (!strncmp(word, "lock", 4) || !strncmp(word, "rep;", 4))) ||
		    (wl == 5 && !strncmp(word, "rex64", 5)) ||
		    (wl == 6 && (!strncmp(word, "data16", 6) || !strncmp(word, "addr32", 6))) ||
		    (wl == 3 && (!strncmp(word, "rex", 3) || !strncmp(word, "rep", 3))))
			continue;
		break;
	}
	size_t wl = (size_t)(p - word);
	if ((wl == 7 && !strncmp(word, "syscall", 7)) || (wl == 8 && !strncmp(word, "syscallq", 8)))
		return "syscall";
	if ((wl == 8 && !strncmp(word, "sysenter", 8)) || (wl == 9 && !strncmp(word, "sysenterl", 9)))
		return "sysenter";
	if (wl == 3 && !strncmp(word, "int", 3)) {
		long v;

		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '$')
			p++;
		if (*p == '%' && ISDIGIT(p[1]) && operand_value(expr, atoi(p + 1), &v)) {
			if ((v & 0xff) == 0x80)
				return "int $0x80";
		} else if (number(p, &v) && (v & 0xff) == 0x80) {
			return "int $0x80";
		}
	}
	if (wl >= 5 && (!strncmp(word, ".byte", 5) || !strncmp(word, ".word", 5) ||
			!strncmp(word, ".short", 6) || !strncmp(word, ".value", 6))) {
		/* the bytes of the directive, in memory order */
		int unit = word[1] == 'b' ? 1 : 2, nb = 0;
		unsigned char bytes[128];
		char *q = p;

		while (*q && nb < 126) {
			long v;
			char *end;

			while (*q == ' ' || *q == '\t' || *q == ',')
				q++;
			if (!*q)
				break;
			if (q[0] == '0' && q[1] == 'b')
				v = strtol(q + 2, &end, 2);
			else
				v = strtol(q, &end, 0);
			if (end == q)
				break;
			bytes[nb++] = (unsigned char)(v & 0xff);
			if (unit == 2)
				bytes[nb++] = (unsigned char)((v >> 8) & 0xff);
			q = end;
		}
		for (int k = 0; k + 1 < nb; k++) {
			if (bytes[k] == 0x0f && bytes[k + 1] == 0x05)
				return "syscall (as bytes)";
			if (bytes[k] == 0x0f && bytes[k + 1] == 0x34)
				return "sysenter (as bytes)";
			if (bytes[k] == 0xcd && bytes[k + 1] == 0x80)
				return "int $0x80 (as bytes)";
		}
	}
	return NULL;
}

static void check_asm(const char *text, location_t loc, tree expr)
{
	const char *s = text;

	while (*s) {
		size_t len = strcspn(s, ";\n");
		const char *what = statement(s, len, expr);

		if (what && loc != UNKNOWN_LOCATION) {
			error_at(loc, "XSC: inline %<asm%> contains a %s instruction; XSC programs "
				      "make system calls through the ring, %<-mno-syscall%> is on", what);
			return;
		}
		if (what) {
			error("%s: XSC: top-level %<asm%> contains a %s instruction; XSC programs "
			      "make system calls through the ring, %<-mno-syscall%> is on",
			      main_input_filename, what);
			return;
		}
		s += len;
		if (*s)
			s++;
	}
}

static tree walk_asm(tree *tp, int *walk_subtrees, void *data)
{
	(void)walk_subtrees;
	(void)data;
	if (TREE_CODE(*tp) == ASM_EXPR) {
		tree str = ASM_STRING(*tp);

		if (str && TREE_CODE(str) == STRING_CST)
			check_asm(TREE_STRING_POINTER(str), EXPR_LOCATION(*tp), *tp);
	}
	return NULL_TREE;
}

static void pre_genericize(void *gcc_data, void *user_data)
{
	tree fn = (tree)gcc_data;

	(void)user_data;
	if (fn && DECL_SAVED_TREE(fn))
		walk_tree_without_duplicates(&DECL_SAVED_TREE(fn), walk_asm, NULL);
}

/* top-level asm, once the unit is parsed (before it is written out) */
static void finish_unit(void *gcc_data, void *user_data)
{
	(void)gcc_data;
	(void)user_data;
	for (asm_node *a = symtab->first_asm_symbol(); a; a = a->next)
		if (a->asm_str && TREE_CODE(a->asm_str) == STRING_CST)
			check_asm(TREE_STRING_POINTER(a->asm_str), UNKNOWN_LOCATION, NULL_TREE);
}

int plugin_init(struct plugin_name_args *info, struct plugin_gcc_version *version)
{
	if (!plugin_default_version_check(version, &gcc_version)) {
		error("xsc-nosyscall: built for GCC %s", gcc_version.basever);
		return 1;
	}
	register_callback(info->base_name, PLUGIN_PRE_GENERICIZE, pre_genericize, NULL);
	register_callback(info->base_name, PLUGIN_ALL_IPA_PASSES_START, finish_unit, NULL);
	return 0;
}
