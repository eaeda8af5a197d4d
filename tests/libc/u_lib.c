/* u_lib: a shared object built the standard way (no XSC note); the XSC
 * ld.so must refuse it, naming the file. x_lib is the same source built
 * for XSC, which it loads. */
int lib_answer(void)
{
	return 42;
}
