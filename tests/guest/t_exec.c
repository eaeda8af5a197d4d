/*
 * XSC build of u_exec.c: execve(argv[1], argv+1) through the ring and
 * report the errno if it returns. u_modref traces it to stop the task
 * inside a ring execve.
 */
#include "u_exec.c"
