/* The run report: a short table for people, JSON for machines. */
#include <stdio.h>
#include <fgft/policy.h>
#include "harness.h"

static double frames_per_s(const struct fgft_harness_report *r)
{
	u64 frames = r->tx.delivered + r->rx.delivered;

	return r->traffic_ns ? (double)frames * 1e9 / (double)r->traffic_ns : 0.0;
}

static double mbit_per_s(const struct fgft_harness_report *r)
{
	u64 bytes = r->device.tx_bytes + r->device.rx_bytes;

	return r->traffic_ns ? (double)bytes * 8e3 / (double)r->traffic_ns : 0.0;
}

static double wall_us_per_frame(const struct fgft_harness_report *r)
{
	u64 frames = r->tx.offered + r->rx.offered;

	return frames ? (double)r->wall_ns / 1e3 / (double)frames : 0.0;
}

/* Wall time per frame spent outside the driver: the machine, the device model and the workload. */
static double harness_us_per_frame(const struct fgft_harness_report *r)
{
	u64 frames = r->tx.offered + r->rx.offered;

	return frames && r->driver_ns ? (double)(r->wall_ns - r->driver_ns) / 1e3 / (double)frames : 0.0;
}

static u64 sum(const u64 *v, int n)
{
	u64 s = 0;
	int i;

	for (i = 0; i < n; i++)
		s += v[i];
	return s;
}

static void faults_text(unsigned int faults, char *buf, size_t len)
{
	unsigned int bit;
	size_t used = 0;

	buf[0] = '\0';
	for (bit = 1; bit && bit <= E1000_FAULT_LINK_FLAP; bit <<= 1)
		if (faults & bit)
			used += (size_t)snprintf(buf + used, len - used, "%s%s", used ? "," : "", e1000_fault_name(bit));
	if (!used)
		snprintf(buf, len, "none");
}

static void stream_row(FILE *out, const char *name, const struct fgft_stream_stats *s)
{
	fprintf(out, "  %-14s %9llu %9llu %6llu %9llu %10llu %7llu %6llu\n", name, (unsigned long long)s->offered,
		(unsigned long long)s->delivered, (unsigned long long)s->lost, (unsigned long long)s->corrupted,
		(unsigned long long)s->duplicated, (unsigned long long)s->errored, (unsigned long long)s->resent);
}

void fgft_harness_print(const struct fgft_harness_report *r, FILE *out)
{
	char faults[96];
	int rr = r->workload && r->workload[0] == 'r' && r->workload[1] == 'r';

	faults_text(r->device_faults, faults, sizeof(faults));
	fprintf(out, "%s%s%s: workload %s, %llu frames, seed %llu, device faults: %s\n",
		r->driver[0] ? r->driver : "driver", r->driver_version[0] ? " " : "", r->driver_version, r->workload,
		(unsigned long long)r->frames, (unsigned long long)r->seed, faults);
	if (r->load_error)
		fprintf(out, "  driver failed to come up: error %d\n", r->load_error);
	if (r->bringup_retries)
		fprintf(out, "  bring-up failed (error %d) and was retried %d times after the driver was restarted\n",
			r->bringup_first_error, r->bringup_retries);
	fprintf(out, "  %-14s %9s %9s %6s %9s %10s %7s %6s\n", "stream", "offered", "delivered", "lost", "corrupted",
		"duplicated", "errored", "resent");
	if (r->tx.offered || !r->rx.offered)
		stream_row(out, rr ? "requests" : "send", &r->tx);
	if (r->rx.offered)
		stream_row(out, rr ? "responses" : "receive", &r->rx);
	fprintf(out, "  throughput     %.0f frames/s, %.1f Mb/s over %.3f s simulated; %.2f us/frame wall",
		frames_per_s(r), mbit_per_s(r), (double)r->traffic_ns / 1e9, wall_us_per_frame(r));
	if (r->driver_ns)
		fprintf(out, " (harness %.2f)", harness_us_per_frame(r));
	fputc('\n', out);
	fprintf(out, "  app errors     xmit busy %llu, config failures %llu", (unsigned long long)r->xmit_busy,
		(unsigned long long)r->config_errors);
	if (rr)
		fprintf(out, ", request timeouts %llu", (unsigned long long)r->rr_timeouts);
	if (r->refused)
		fprintf(out, ", refused %llu (interface down)", (unsigned long long)r->refused);
	if (r->link_downs)
		fprintf(out, ", carrier lost %llu times", (unsigned long long)r->link_downs);
	fputc('\n', out);
	if (r->tx.errored || r->rx.errored || r->rx.resent)
		fprintf(out, "  (errored: not delivered and reported to the application; resent: retried by the sender "
			     "after the carrier came back)\n");
	fprintf(out, "  device         tx timeouts %llu, resets %llu, irqs %llu (lost %llu), dma blocked %llu\n",
		(unsigned long long)r->tx_timeouts, (unsigned long long)r->device.resets,
		(unsigned long long)r->device.irq_assertions, (unsigned long long)r->device.irqs_lost,
		(unsigned long long)r->dma_faults);
	fprintf(out, "  isolation      %llu denied; api violations %llu; leaked resources %llu\n",
		(unsigned long long)sum(r->denials, 4), (unsigned long long)sum(r->violations, 8),
		(unsigned long long)r->leaks);
	fprintf(out, "  verdict        %s%s\n", r->pass ? "PASS" : "FAIL", r->timed_out ? " (did not finish)" : "");
}

static void json_stream(FILE *f, const char *name, const struct fgft_stream_stats *s, int comma)
{
	fprintf(f, "  \"%s\": {\"offered\": %llu, \"delivered\": %llu, \"lost\": %llu, \"corrupted\": %llu, "
		   "\"duplicated\": %llu, \"errored\": %llu, \"resent\": %llu}%s\n",
		name, (unsigned long long)s->offered, (unsigned long long)s->delivered, (unsigned long long)s->lost,
		(unsigned long long)s->corrupted, (unsigned long long)s->duplicated, (unsigned long long)s->errored,
		(unsigned long long)s->resent, comma ? "," : "");
}

/* Strings from the driver (get_drvinfo) go into JSON: keep them printable and unquoted. */
static void json_safe(char *dst, size_t len, const char *src)
{
	size_t i;

	for (i = 0; i + 1 < len && src[i]; i++)
		dst[i] = (src[i] == '"' || src[i] == '\\' || (unsigned char)src[i] < 0x20) ? '?' : src[i];
	dst[i] = '\0';
}

int fgft_harness_write_json(const struct fgft_harness_report *r, const char *path)
{
	const struct e1000_model_stats *d = &r->device;
	char faults[96];
	FILE *f = fopen(path, "w");
	int i;

	if (!f)
		return -1;
	faults_text(r->device_faults, faults, sizeof(faults));
	fprintf(f, "{\n  \"workload\": \"%s\",\n  \"frames\": %llu,\n  \"seed\": %llu,\n  \"device_faults\": \"%s\",\n",
		r->workload, (unsigned long long)r->frames, (unsigned long long)r->seed, faults);
	char driver[32], version[32];

	json_safe(driver, sizeof(driver), r->driver);
	json_safe(version, sizeof(version), r->driver_version);
	fprintf(f, "  \"driver\": \"%s\",\n  \"driver_version\": \"%s\",\n", driver, version);
	fprintf(f, "  \"driver_stats\": {\"tx_packets\": %llu, \"rx_packets\": %llu, \"tx_errors\": %llu, "
		   "\"rx_errors\": %llu, \"tx_dropped\": %llu, \"rx_dropped\": %llu},\n",
		(unsigned long long)r->driver_stats.tx_packets, (unsigned long long)r->driver_stats.rx_packets,
		(unsigned long long)r->driver_stats.tx_errors, (unsigned long long)r->driver_stats.rx_errors,
		(unsigned long long)r->driver_stats.tx_dropped, (unsigned long long)r->driver_stats.rx_dropped);
	fprintf(f, "  \"bringup\": {\"retries\": %d, \"first_error\": %d},\n", r->bringup_retries,
		r->bringup_first_error);
	fprintf(f, "  \"load_error\": %d,\n  \"pass\": %s,\n  \"timed_out\": %s,\n", r->load_error,
		r->pass ? "true" : "false", r->timed_out ? "true" : "false");
	json_stream(f, "tx", &r->tx, 1);
	json_stream(f, "rx", &r->rx, 1);
	fprintf(f, "  \"app_errors\": {\"xmit_busy\": %llu, \"config_errors\": %llu, \"rr_timeouts\": %llu, "
		   "\"refused\": %llu},\n",
		(unsigned long long)r->xmit_busy, (unsigned long long)r->config_errors,
		(unsigned long long)r->rr_timeouts, (unsigned long long)r->refused);
	fprintf(f, "  \"sim_ns\": %llu,\n  \"traffic_ns\": %llu,\n  \"wall_ns\": %llu,\n", (unsigned long long)r->sim_ns,
		(unsigned long long)r->traffic_ns, (unsigned long long)r->wall_ns);
	fprintf(f, "  \"frames_per_s\": %.1f,\n  \"mbit_per_s\": %.2f,\n  \"wall_us_per_frame\": %.3f,\n",
		frames_per_s(r), mbit_per_s(r), wall_us_per_frame(r));
	fprintf(f, "  \"driver_ns\": %llu,\n  \"harness_us_per_frame\": %.3f,\n", (unsigned long long)r->driver_ns,
		harness_us_per_frame(r));
	fprintf(f, "  \"device\": {\"tx_frames\": %llu, \"rx_frames\": %llu, \"rx_missed\": %llu, "
		   "\"rx_no_buffers\": %llu, \"rx_oversize\": %llu, \"tx_link_down_drops\": %llu, \"dma_blocked\": %llu, "
		   "\"resets\": %llu, \"irq_assertions\": %llu, \"irqs_lost\": %llu, \"stuck_reads\": %llu, "
		   "\"garbage_reads\": %llu, \"stale_dma\": %llu, \"link_flaps\": %llu, \"tx_halts\": %llu, "
		   "\"rx_halts\": %llu},\n",
		(unsigned long long)d->tx_frames, (unsigned long long)d->rx_frames, (unsigned long long)d->rx_missed,
		(unsigned long long)d->rx_no_buffers, (unsigned long long)d->rx_oversize,
		(unsigned long long)d->tx_link_down_drops, (unsigned long long)d->dma_blocked,
		(unsigned long long)d->resets, (unsigned long long)d->irq_assertions, (unsigned long long)d->irqs_lost,
		(unsigned long long)d->stuck_reads, (unsigned long long)d->garbage_reads,
		(unsigned long long)d->stale_dma, (unsigned long long)d->link_flaps, (unsigned long long)d->tx_halts,
		(unsigned long long)d->rx_halts);
	fprintf(f, "  \"link_downs\": %llu,\n", (unsigned long long)r->link_downs);
	fprintf(f, "  \"tx_timeouts\": %llu,\n  \"irq_storms\": %llu,\n  \"dma_faults\": %llu,\n",
		(unsigned long long)r->tx_timeouts, (unsigned long long)r->irq_storms, (unsigned long long)r->dma_faults);
	fprintf(f, "  \"denials\": {");
	for (i = 0; i < FGFT_DENY_KIND_COUNT; i++)
		fprintf(f, "%s\"%s\": %llu", i ? ", " : "", fgft_denial_name((enum fgft_denial)i),
			(unsigned long long)r->denials[i]);
	fprintf(f, "},\n  \"violations\": {");
	for (i = 0; i < FGFT_V_KIND_COUNT; i++)
		fprintf(f, "%s\"%s\": %llu", i ? ", " : "", fgft_violation_name((enum fgft_violation)i),
			(unsigned long long)r->violations[i]);
	fprintf(f, "},\n  \"leaks\": %llu,\n  \"changes\": [", (unsigned long long)r->leaks);
	for (i = 0; i < r->nchanges; i++) {
		const struct fgft_config_change *c = &r->changes[i];
		const char *kind = fgft_change_name(c->kind);

		fprintf(f, "%s{\"at_frame\": %llu, \"kind\": \"%s\", \"value\": %u, \"applied\": %s, \"result\": %d}",
			i ? ", " : "", (unsigned long long)c->at_frame, kind, c->value, c->applied ? "true" : "false",
			c->result);
	}
	fprintf(f, "]\n}\n");
	return fclose(f) ? -1 : 0;
}
