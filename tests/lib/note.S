/* The XSC ABI note: makes the kernel start this program as an XSC task. */
	.section .note.XSC-ABI, "a", @note
	.balign 4
	.long 4			/* namesz: "XSC\0" */
	.long 4			/* descsz */
	.long 1			/* XSC_NOTE_TYPE */
	.asciz "XSC"
	.long 1			/* XSC_ABI_VERSION */
	.section .note.GNU-stack, "", @progbits
