/* long asm_add3(long a, long b, long c): x86-64 System V, through cpp. */
#define FUNC(name) .globl name; .type name, @function; name:

	.text
FUNC(asm_add3)
	leaq	(%rdi,%rsi), %rax
	addq	%rdx, %rax
	ret
	.size	asm_add3, .-asm_add3
	.section .note.GNU-stack,"",@progbits
