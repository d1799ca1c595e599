// SPDX-License-Identifier: MIT
/*
 * fgftc-client: the fast path of `CC=fgftc`. bin/fgftc execs it as
 *
 *	fgftc-client CHECKOUT [gcc arguments...]
 *
 * It hands the whole call (arguments, directory, environment, umask, whether
 * stdout/stderr are terminals) to the warm compile server of this checkout
 * over a Unix socket, writes what fgftc says to its own stdout and stderr,
 * runs the cc commands the server asks for as its own children (so they have
 * this process's stdio, terminal, process group and descriptors, as under
 * Node), and exits with the status it gets, so a compile costs no Node
 * start-up. When no server is there it starts one and waits for it briefly.
 * Whenever the server cannot serve (none in time, a command reading stdin,
 * any socket trouble before the call started) it execs the Node path,
 * `node CHECKOUT/bin/fgftc.js ARGS`, which does the same work in-process.
 *
 * The wire format is compiler/driver/compile-protocol.ts; the socket's place
 * is the one described in compiler/driver/README.md.
 */
#define _XOPEN_SOURCE 700 /* POSIX.1-2008 with realpath() */

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

#define PROTOCOL_TAG		"fgftc-compile-1"
#define FRAME_REQUEST		'Q'
#define FRAME_KILL		'K'
#define FRAME_ACCEPTED		'A'
#define FRAME_STDOUT		'O'
#define FRAME_STDERR		'E'
#define FRAME_EXIT		'X'
#define FRAME_DECLINE		'D'
#define FRAME_RETIRED		'R'
#define FRAME_RUN		'C'
#define FRAME_RAN		'S'
#define FRAME_HEADER_LEN	5
#define MAX_REASON_LEN		4096
#define MAX_RUN_LEN		(64u << 20)

#define STALE_START_LOCK_S	10	/* as compiler/driver/transform-client.ts */
#define START_WAIT_MS		2000	/* how long after a start a call waits for the server */
#define START_POLL_MS		5
#define SILENT_SERVER_MS	120000	/* as the transform client's reply timeout */
#define MAX_CLOSED_FDS		65536
#define EXIT_INTERNAL_ERROR	70	/* EX_SOFTWARE, as compiler/cli.ts */
#define EXIT_CANNOT_EXEC	127

struct client {
	char root[PATH_MAX];
	char dir[PATH_MAX];
	char socket_path[sizeof(((struct sockaddr_un *)0)->sun_path)];
	char lock_path[PATH_MAX];
	char pid_path[PATH_MAX];
	char build_id[64];
	int argc;
	char **argv;
	int debug;
	int silent_ms;	/* FGFTC_SERVER_SILENT_MS, default SILENT_SERVER_MS */
};

/* The connection, for the signal handler (-1 when there is none). */
static volatile sig_atomic_t conn_fd = -1;

static void debug(const struct client *c, const char *fmt, ...)
{
	va_list ap;

	if (!c->debug)
		return;
	va_start(ap, fmt);
	fputs("fgftc: debug: client: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

/* snprintf into a path buffer; 0 if it did not fit. */
static int path_printf(char *out, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(out, size, fmt, ap);
	va_end(ap);
	return n >= 0 && (size_t)n < size;
}

/* ---- the Node path ---------------------------------------------------- */

static _Noreturn void run_with_node(const struct client *c, const char *why)
{
	char script[PATH_MAX];
	char **args;
	int i;

	debug(c, "running fgftc with Node: %s", why);
	if (!path_printf(script, sizeof(script), "%s/bin/fgftc.js", c->root)) {
		fputs("fgftc: error: the fgftc checkout path is too long\n", stderr);
		exit(EXIT_INTERNAL_ERROR);
	}
	args = calloc((size_t)c->argc + 3, sizeof(*args));
	if (!args) {
		fputs("fgftc: error: out of memory\n", stderr);
		exit(EXIT_INTERNAL_ERROR);
	}
	args[0] = "node";
	args[1] = script;
	for (i = 0; i < c->argc; i++)
		args[i + 2] = c->argv[i];
	execvp("node", args);
	fprintf(stderr, "fgftc: error: cannot run node: %s\n", strerror(errno));
	exit(EXIT_CANNOT_EXEC);
}

/* ---- where the server is ------------------------------------------------ */

/* FNV-1a: a short, stable name for the checkout's location. */
static uint64_t location_hash(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* Node's os.tmpdir(): $TMPDIR, $TMP, $TEMP or /tmp, without a trailing slash. */
static const char *temp_parent(void)
{
	static const char *const names[] = { "TMPDIR", "TMP", "TEMP" };
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		const char *v = getenv(names[i]);

		if (v && *v)
			return v;
	}
	return "/tmp";
}

/* The private per-user directory of compiler/driver/server-address.ts; 0 if it cannot be had safely. */
static int find_server_dir(struct client *c)
{
	const char *chosen = getenv("FGFTC_SERVER_DIR");
	struct stat st;
	int n;

	if (chosen && *chosen) {
		n = snprintf(c->dir, sizeof(c->dir), "%s", chosen);
	} else {
		const char *parent = temp_parent();
		size_t len = strlen(parent);

		if (len > 1 && parent[len - 1] == '/')
			len--;
		n = snprintf(c->dir, sizeof(c->dir), "%.*s/fgftc-server-%lu", (int)len, parent,
			     (unsigned long)getuid());
	}
	if (n < 0 || (size_t)n >= sizeof(c->dir))
		return 0;
	/* Not recursive: a missing parent is the user's to create, not fgftc's. */
	if (mkdir(c->dir, 0700) != 0 && errno != EEXIST)
		return 0;
	if (lstat(c->dir, &st) != 0)
		return 0;
	return S_ISDIR(st.st_mode) && st.st_uid == getuid() && (st.st_mode & 077) == 0;
}

static int set_paths(struct client *c)
{
	char base[PATH_MAX];

	return path_printf(base, sizeof(base), "%s/compile-%016llx", c->dir,
			   (unsigned long long)location_hash(c->root)) &&
	       path_printf(c->lock_path, sizeof(c->lock_path), "%s.starting", base) &&
	       path_printf(c->pid_path, sizeof(c->pid_path), "%s.pid", base) &&
	       path_printf(c->socket_path, sizeof(c->socket_path), "%s.sock", base);
}

static int newer(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec > b->tv_sec || (a->tv_sec == b->tv_sec && a->tv_nsec > b->tv_nsec);
}

/*
 * The server runs the bundle (dist/bundle/); its entry's modification time is
 * the build id. A bare tsc after the bundle makes bin/fgftc.js run the
 * unbundled modules: then so must this call.
 */
static const char *check_build(struct client *c)
{
	char path[PATH_MAX];
	struct stat bundle, compiled;

	if (!path_printf(path, sizeof(path), "%s/dist/bundle/cli.js", c->root) || stat(path, &bundle) != 0)
		return "no bundle in dist/bundle/";
	if (path_printf(path, sizeof(path), "%s/dist/compiler/cli.js", c->root) && stat(path, &compiled) == 0 &&
	    newer(&compiled.st_mtim, &bundle.st_mtim))
		return "dist/ was recompiled after the bundle";
	snprintf(c->build_id, sizeof(c->build_id), "%lld.%09ld", (long long)bundle.st_mtim.tv_sec,
		 (long)bundle.st_mtim.tv_nsec);
	return NULL;
}

/* Why this call should not go to the server, or NULL. */
static const char *fast_path_blocked(struct client *c)
{
	const char *nesting = getenv("FGFTC_NESTING");
	const char *why;
	int i;

	/* fgftc run by the cc of a served fgftc would wait for a worker of the same server. */
	if (nesting && *nesting && strcmp(nesting, "0") != 0)
		return "fgftc runs fgftc";
	for (i = 0; i < c->argc; i++)
		if (strcmp(c->argv[i], "-") == 0)
			return "an argument '-' (stdin or stdout)";
	why = check_build(c);
	if (why)
		return why;
	if (!find_server_dir(c))
		return "no private server directory";
	if (!set_paths(c))
		return "server socket path too long";
	return NULL;
}

/* ---- starting a server ------------------------------------------------- */

static void close_inherited_fds(void)
{
	long max = sysconf(_SC_OPEN_MAX);
	int fd;

	if (max < 0 || max > MAX_CLOSED_FDS)
		max = MAX_CLOSED_FDS;
	for (fd = 3; fd < max; fd++)
		close(fd);
}

/* In the detached grandchild: become the server (node dist/bundle/compile-server.js SOCKET LOCK PID). */
static _Noreturn void exec_server(const struct client *c)
{
	char script[PATH_MAX];
	int null_fd = open("/dev/null", O_RDWR);

	if (null_fd >= 0) {
		dup2(null_fd, 0);
		dup2(null_fd, 1);
		dup2(null_fd, 2);
	}
	close_inherited_fds();
	if (chdir("/") != 0)
		_exit(1);
	if (!path_printf(script, sizeof(script), "%s/dist/bundle/compile-server.js", c->root))
		_exit(1);
	execlp("node", "node", script, c->socket_path, c->lock_path, c->pid_path, (char *)NULL);
	unlink(c->lock_path);
	_exit(EXIT_CANNOT_EXEC);
}

/* Start a server in the background, unless another client is already starting one. */
static void start_server(const struct client *c)
{
	struct stat st;
	pid_t pid;
	int fd;

	if (stat(c->lock_path, &st) == 0 && time(NULL) - st.st_mtime > STALE_START_LOCK_S)
		unlink(c->lock_path);
	fd = open(c->lock_path, O_WRONLY | O_CREAT | O_EXCL, 0600);
	if (fd < 0)
		return;
	close(fd);
	debug(c, "starting a compile server at %s", c->socket_path);
	pid = fork();
	if (pid < 0) {
		unlink(c->lock_path);
		return;
	}
	if (pid == 0) {
		/* Its own session, and not our child: make must not wait for it. */
		if (setsid() < 0 || fork() != 0)
			_exit(0);
		exec_server(c);
	}
	waitpid(pid, NULL, 0);
}

/* ---- talking to the server --------------------------------------------- */

static int connect_server(const struct client *c);

static long ms_since(const struct timespec *then)
{
	struct timespec now;

	clock_gettime(CLOCK_REALTIME, &now);
	return (long)(now.tv_sec - then->tv_sec) * 1000 + (now.tv_nsec - then->tv_nsec) / 1000000;
}

/*
 * A server is starting (the start lock is there): wait for it to listen, but
 * not past START_WAIT_MS after the start, so a start that fails costs little.
 * Its first worker is warm about as soon as Node could have run this call,
 * and every call after that is served.
 */
static int wait_for_server(const struct client *c)
{
	const struct timespec pause = { 0, START_POLL_MS * 1000000L };

	for (;;) {
		struct stat st;
		int fd = connect_server(c);

		if (fd >= 0 || (errno != ENOENT && errno != ECONNREFUSED))
			return fd;
		if (stat(c->lock_path, &st) != 0)
			return connect_server(c); /* it may have just started listening */
		if (ms_since(&st.st_mtim) > START_WAIT_MS)
			return -1;
		nanosleep(&pause, NULL);
	}
}

static int connect_server(const struct client *c)
{
	struct sockaddr_un addr = { .sun_family = AF_UNIX };
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);

	if (fd < 0)
		return -1;
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	memcpy(addr.sun_path, c->socket_path, strlen(c->socket_path) + 1);
	while (connect(fd, (struct sockaddr *)&addr, sizeof(addr)) != 0) {
		if (errno == EINTR)
			continue;
		close(fd);
		return -1;
	}
	return fd;
}

static int send_all(int fd, const void *data, size_t len)
{
	const char *p = data;

	while (len > 0) {
		ssize_t n = send(fd, p, len, MSG_NOSIGNAL);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Write all of it to our stdout or stderr (which may be non-blocking: wait, then go on). */
static int write_all(int fd, const char *p, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			struct pollfd pfd = { .fd = fd, .events = POLLOUT };

			poll(&pfd, 1, -1);
			continue;
		}
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Read exactly len bytes; 0 on success, -1 on error or end of stream. */
static int read_full(int fd, void *data, size_t len)
{
	char *p = data;

	while (len > 0) {
		ssize_t n = read(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

static void put_u32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

static uint32_t get_u32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

/* Append a NUL-terminated string to the request (buf NULL: just count). */
static size_t put_string(char *buf, size_t at, const char *s)
{
	size_t len = strlen(s) + 1;

	if (buf)
		memcpy(buf + at, s, len);
	return at + len;
}

static char *current_directory(void)
{
	size_t size = PATH_MAX;

	for (;;) {
		char *buf = malloc(size);

		if (!buf)
			return NULL;
		if (getcwd(buf, size))
			return buf;
		free(buf);
		if (errno != ERANGE)
			return NULL;
		size *= 2;
	}
}

/* Lay out the request strings (see compile-protocol.ts) after a frame header; NULL on failure. */
static char *build_request(const struct client *c, size_t *frame_len)
{
	char ttys[3] = { isatty(1) ? 't' : '-', isatty(2) ? 't' : '-', '\0' };
	char umask_text[16], argc_text[16];
	char *cwd = current_directory();
	char *buf = NULL;
	mode_t mask = umask(0);
	int pass, i;
	size_t at = 0;

	umask(mask);
	if (!cwd)
		return NULL;
	snprintf(umask_text, sizeof(umask_text), "%o", (unsigned int)mask);
	snprintf(argc_text, sizeof(argc_text), "%d", c->argc);
	for (pass = 0; pass < 2; pass++) {
		char **env;

		at = FRAME_HEADER_LEN;
		at = put_string(buf, at, PROTOCOL_TAG);
		at = put_string(buf, at, c->build_id);
		at = put_string(buf, at, ttys);
		at = put_string(buf, at, umask_text);
		at = put_string(buf, at, cwd);
		at = put_string(buf, at, argc_text);
		for (i = 0; i < c->argc; i++)
			at = put_string(buf, at, c->argv[i]);
		for (env = environ; *env; env++)
			at = put_string(buf, at, *env);
		if (pass == 0 && !(buf = malloc(at)))
			break;
	}
	free(cwd);
	if (!buf || at - FRAME_HEADER_LEN > UINT32_MAX) {
		free(buf);
		return NULL;
	}
	buf[0] = FRAME_REQUEST;
	put_u32((unsigned char *)buf + 1, (uint32_t)(at - FRAME_HEADER_LEN));
	*frame_len = at;
	return buf;
}

/* ---- running cc for the server ------------------------------------------ */

/* environ with FGFTC_NESTING set to value (the driver counts fgftc-in-fgftc rounds). */
static char **child_environment(const char *value, char **setting)
{
	size_t n = 0, k = 0;
	char **env, **e;

	for (e = environ; *e; e++)
		n++;
	env = calloc(n + 2, sizeof(*env));
	*setting = malloc(strlen("FGFTC_NESTING=") + strlen(value) + 1);
	if (!env || !*setting) {
		free(env);
		free(*setting);
		return NULL;
	}
	sprintf(*setting, "FGFTC_NESTING=%s", value);
	for (e = environ; *e; e++)
		if (strncmp(*e, "FGFTC_NESTING=", strlen("FGFTC_NESTING=")) != 0)
			env[k++] = *e;
	env[k] = *setting;
	return env;
}

/* Read a pipe to its end into a growing buffer. */
static char *read_all(int fd, size_t *len)
{
	size_t size = 4096;
	char *buf = malloc(size);

	*len = 0;
	while (buf) {
		ssize_t n;

		if (*len == size) {
			char *bigger = realloc(buf, size * 2);

			if (!bigger)
				break;
			buf = bigger;
			size *= 2;
		}
		n = read(fd, buf + *len, size - *len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return buf;
		*len += (size_t)n;
	}
	free(buf);
	*len = 0;
	return NULL;
}

/*
 * A 'C' frame: capture flag, FGFTC_NESTING value, argv, NUL-terminated.
 * Run it as our child, with our stdio (stderr into a pipe if captured), and
 * answer with an 'S' frame: exit status (128+N for signal N), signal, the
 * errno of a failed start, then the captured stderr.
 */
static int run_command(int fd, char *payload, uint32_t len)
{
	char **words, *setting = NULL, *captured = NULL, **env;
	unsigned char head[FRAME_HEADER_LEN + 12];
	size_t nwords = 0, captured_len = 0;
	posix_spawn_file_actions_t actions;
	int out[2] = { -1, -1 }, capture, status = 0, err, ok;
	pid_t pid;
	uint32_t at, code = 0, sig = 0;

	if (len == 0 || payload[len - 1] != '\0')
		return -1;
	for (at = 0; at < len; at++)
		nwords += payload[at] == '\0';
	if (nwords < 3 || !(words = calloc(nwords + 1, sizeof(*words))))
		return -1;
	for (at = 0, nwords = 0; at < len; at += (uint32_t)strlen(payload + at) + 1)
		words[nwords++] = payload + at;
	capture = strcmp(words[0], "1") == 0;
	env = child_environment(words[1], &setting);
	if (!env || posix_spawn_file_actions_init(&actions) != 0) {
		free(words);
		return -1;
	}
	if (capture && pipe(out) == 0) {
		fcntl(out[0], F_SETFD, FD_CLOEXEC);
		posix_spawn_file_actions_adddup2(&actions, out[1], 2);
		posix_spawn_file_actions_addclose(&actions, out[1]);
	}
	err = posix_spawnp(&pid, words[2], &actions, NULL, words + 2, env);
	posix_spawn_file_actions_destroy(&actions);
	if (out[1] >= 0)
		close(out[1]);
	if (err == 0 && out[0] >= 0)
		captured = read_all(out[0], &captured_len);
	if (out[0] >= 0)
		close(out[0]);
	while (err == 0 && waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			err = errno;
			break;
		}
	}
	free(env);
	free(setting);
	free(words);
	if (err == 0 && WIFSIGNALED(status)) {
		sig = (uint32_t)WTERMSIG(status);
		code = 128 + sig;
	} else if (err == 0) {
		code = (uint32_t)WEXITSTATUS(status);
	}
	head[0] = FRAME_RAN;
	put_u32(head + 1, 12 + (uint32_t)captured_len);
	put_u32(head + FRAME_HEADER_LEN, code);
	put_u32(head + FRAME_HEADER_LEN + 4, sig);
	put_u32(head + FRAME_HEADER_LEN + 8, (uint32_t)err);
	ok = send_all(fd, head, sizeof(head)) == 0 && (captured_len == 0 || send_all(fd, captured, captured_len) == 0);
	free(captured);
	return ok ? 0 : -1;
}

static int receive_command(int fd, uint32_t len)
{
	char *payload;
	int r;

	if (len > MAX_RUN_LEN || !(payload = malloc(len + 1)))
		return -1;
	r = read_full(fd, payload, len) == 0 ? run_command(fd, payload, len) : -1;
	free(payload);
	return r;
}

/* ---- signals ---------------------------------------------------------- */

static const int forwarded_signals[] = { SIGINT, SIGTERM, SIGHUP };

/* Tell the server (it starts no further cc for this call), then die of it as fgftc and gcc do. */
static void on_signal(int sig)
{
	unsigned char frame[FRAME_HEADER_LEN + 4] = { FRAME_KILL };
	int fd = conn_fd;

	put_u32(frame + 1, 4);
	put_u32(frame + FRAME_HEADER_LEN, (uint32_t)sig);
	if (fd >= 0)
		send(fd, frame, sizeof(frame), MSG_NOSIGNAL);
	signal(sig, SIG_DFL);
	raise(sig);
}

static void forward_signals(void)
{
	size_t i;

	for (i = 0; i < sizeof(forwarded_signals) / sizeof(forwarded_signals[0]); i++) {
		struct sigaction old, sa = { .sa_handler = on_signal };

		sigemptyset(&sa.sa_mask);
		sa.sa_flags = SA_RESTART;
		/* A signal ignored by whoever started us stays ignored, as it would for gcc. */
		if (sigaction(forwarded_signals[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
			sigaction(forwarded_signals[i], &sa, NULL);
	}
}

static void block_signals(sigset_t *old)
{
	sigset_t set;
	size_t i;

	sigemptyset(&set);
	for (i = 0; i < sizeof(forwarded_signals) / sizeof(forwarded_signals[0]); i++)
		sigaddset(&set, forwarded_signals[i]);
	sigprocmask(SIG_BLOCK, &set, old);
}

/* ---- one served call --------------------------------------------------- */

enum outcome { SERVED, NOT_SERVED, NOT_SERVED_RETIRED, BROKEN };

/* Copy one data frame's bytes from the server to fd. */
static int relay(int from, int to, uint32_t len, int *to_broken)
{
	char buf[65536];

	while (len > 0) {
		size_t chunk = len < sizeof(buf) ? len : sizeof(buf);

		if (read_full(from, buf, chunk) != 0)
			return -1;
		if (!*to_broken && write_all(to, buf, chunk) != 0)
			*to_broken = 1; /* keep reading: the status still matters */
		len -= (uint32_t)chunk;
	}
	return 0;
}

/*
 * Once the call is under way (a worker sent 'A', its first frame), the
 * server's own work between two frames (the driver, a transform) takes
 * seconds at most; cc runs here, not there. A server silent for this long has
 * lost the call: give it up (closing the connection also frees the worker)
 * rather than hang the build. Before 'A' the call is queued behind others.
 */
static int await_frame(int fd, int under_way, int silent_ms)
{
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	int n;

	if (!under_way)
		return 1; /* queued behind other calls: as long as they take */
	do
		n = poll(&pfd, 1, silent_ms);
	while (n < 0 && errno == EINTR);
	return n > 0;
}

/*
 * Read the server's frames until the exit status; *status gets it. Until
 * fgftc itself has written something (a frame for our stdout or stderr), a
 * lost call can still be run by Node from the start (cc is idempotent; what
 * cc printed may then appear twice).
 */
static enum outcome receive(const struct client *c, int fd, int *status, char *reason, size_t reason_size)
{
	int spoke = 0, under_way = 0, broken[3] = { 0, 0, 0 };

	snprintf(reason, reason_size, "the server closed the connection");
	for (;;) {
		unsigned char header[FRAME_HEADER_LEN], word[4];
		uint32_t len;

		if (!await_frame(fd, under_way, c->silent_ms)) {
			snprintf(reason, reason_size, "no word from the compile server for %d ms", c->silent_ms);
			break;
		}
		if (read_full(fd, header, sizeof(header)) != 0)
			break;
		len = get_u32(header + 1);
		under_way = 1;
		switch (header[0]) {
		case FRAME_ACCEPTED:
			/* A worker has the call: from now on its silence counts. */
			if (len != 0)
				return spoke ? BROKEN : NOT_SERVED;
			break;
		case FRAME_STDOUT:
		case FRAME_STDERR:
			spoke = 1;
			if (relay(fd, header[0] == FRAME_STDOUT ? 1 : 2, len, &broken[header[0] == FRAME_STDOUT ? 1 : 2]) != 0)
				return BROKEN;
			break;
		case FRAME_RUN:
			if (receive_command(fd, len) != 0)
				return spoke ? BROKEN : NOT_SERVED;
			break;
		case FRAME_EXIT:
			if (len != 4 || read_full(fd, word, 4) != 0)
				return spoke ? BROKEN : NOT_SERVED;
			*status = (int)get_u32(word);
			return SERVED;
		case FRAME_DECLINE:
		case FRAME_RETIRED:
			if (len >= reason_size || read_full(fd, reason, len) != 0)
				return spoke ? BROKEN : NOT_SERVED;
			reason[len] = '\0';
			return header[0] == FRAME_RETIRED ? NOT_SERVED_RETIRED : NOT_SERVED;
		default:
			debug(c, "unexpected frame type %d", header[0]);
			return spoke ? BROKEN : NOT_SERVED;
		}
	}
	return spoke ? BROKEN : NOT_SERVED;
}

static enum outcome serve(const struct client *c, int fd, int *status, char *reason, size_t reason_size)
{
	sigset_t old;
	size_t len;
	char *request = build_request(c, &len);
	int sent;

	if (!request) {
		snprintf(reason, reason_size, "cannot build the request (working directory?)");
		return NOT_SERVED;
	}
	/* A signal in the middle of the request would interleave its frame with it. */
	block_signals(&old);
	conn_fd = fd;
	forward_signals();
	sent = send_all(fd, request, len);
	sigprocmask(SIG_SETMASK, &old, NULL);
	free(request);
	if (sent != 0) {
		snprintf(reason, reason_size, "cannot send the request: %s", strerror(errno));
		return NOT_SERVED;
	}
	return receive(c, fd, status, reason, reason_size);
}

int main(int argc, char **argv)
{
	static struct client c;
	char reason[MAX_REASON_LEN];
	const char *why;
	int fd, attempt, status = EXIT_INTERNAL_ERROR;
	const char *flag = getenv("FGFTC_DEBUG"), *silent;

	if (argc < 2) {
		fputs("usage: fgftc-client CHECKOUT [gcc arguments...] (run bin/fgftc instead)\n", stderr);
		return 2;
	}
	c.argc = argc - 2;
	c.argv = argv + 2;
	c.debug = flag && *flag;
	silent = getenv("FGFTC_SERVER_SILENT_MS");
	c.silent_ms = silent && atoi(silent) > 0 ? atoi(silent) : SILENT_SERVER_MS;
	if (!realpath(argv[1], c.root)) {
		snprintf(c.root, sizeof(c.root), "%s", argv[1]);
		run_with_node(&c, "cannot resolve the checkout path");
	}
	why = fast_path_blocked(&c);
	if (why)
		run_with_node(&c, why);
	fd = connect_server(&c);
	for (attempt = 0;; attempt++) {
		if (fd < 0) {
			int err = errno;

			if (err != ENOENT && err != ECONNREFUSED)
				run_with_node(&c, strerror(err));
			start_server(&c);
			fd = wait_for_server(&c);
			if (fd < 0)
				run_with_node(&c, "no compile server yet");
		}
		switch (serve(&c, fd, &status, reason, sizeof(reason))) {
		case SERVED:
			debug(&c, "served, exit status %d", status);
			return status & 0xff;
		case NOT_SERVED_RETIRED:
			close(fd);
			conn_fd = -1;
			debug(&c, "%s", reason);
			if (attempt > 0)
				run_with_node(&c, reason);
			/* a server of the current build, started now */
			fd = -1;
			errno = ENOENT;
			continue;
		case NOT_SERVED:
			close(fd);
			conn_fd = -1;
			run_with_node(&c, reason);
		case BROKEN:
			break;
		}
		break;
	}
	fputs("fgftc: error: the compile server stopped in the middle of this compile (FGFTC_SERVER=0 runs without it)\n",
	      stderr);
	return EXIT_INTERNAL_ERROR;
}
