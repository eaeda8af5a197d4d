/* n_needs_u: an XSC program that needs u_lib.so, a standard library: the
 * XSC ld.so must stop it, naming the library. u_interp (-DNO_LIB): a
 * standard program whose interpreter is the XSC loader. */
#ifdef NO_LIB
int main(void)
{
	return 0;
}
#else
int lib_answer(void);
int main(void)
{
	return lib_answer() == 42 ? 0 : 1;
}
#endif
