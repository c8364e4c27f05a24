/*
 * Benchmark input generator: a catalogue of N principles in the layout of
 * controls/ and a matching answers file, with realistic text lengths and a
 * mix of statuses. Deterministic: the same N gives the same bytes.
 * usage: gen N OUTDIR [SEED]   (writes OUTDIR/catalogue/ and OUTDIR/answers.yaml;
 * a different SEED gives the same catalogue with different answers)
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static unsigned long long seed = 88172645463325252ULL;

static unsigned long long answer_seed;

/* Statuses draw from their own stream, so SEED changes the answers only. */
static unsigned rnd_answer(unsigned n)
{
	answer_seed ^= answer_seed << 13;
	answer_seed ^= answer_seed >> 7;
	answer_seed ^= answer_seed << 17;
	return (unsigned)(answer_seed % n);
}

static unsigned rnd(unsigned n)
{
	seed ^= seed << 13;
	seed ^= seed >> 7;
	seed ^= seed << 17;
	return (unsigned)(seed % n);
}

static const char *const words[] = {
	"institution", "should",    "establish", "maintain",   "review",   "access",
	"controls",    "privileged", "accounts",  "monitoring", "periodic", "security",
	"incident",    "response",  "third",     "party",      "critical", "systems",
	"and",         "the",       "of",        "for",        "with",     "records",
};
static const char *const hanzi[] = {"认可机构", "应", "建立", "维护", "定期", "审查",
				    "访问", "控制", "特权", "账号", "监控", "安全",
				    "事件", "响应", "第三方", "关键", "系统", "记录"};

static void sentence(FILE *f, int nwords)
{
	for (int i = 0; i < nwords; i++)
		fprintf(f, "%s%s", i ? " " : "", words[rnd(sizeof(words) / sizeof(words[0]))]);
	fputc('.', f);
}

static void chinese(FILE *f, int nwords)
{
	for (int i = 0; i < nwords; i++)
		fputs(hanzi[rnd(sizeof(hanzi) / sizeof(hanzi[0]))], f);
	fputs("。", f);
}

static void text(FILE *f, const char *indent, const char *key, int en_words)
{
	fprintf(f, "%s%s:\n%s  en: >-\n%s    ", indent, key, indent, indent);
	sentence(f, en_words);
	fprintf(f, "\n%s  zh: >-\n%s    ", indent, indent);
	chinese(f, en_words / 2 + 1);
	fputc('\n', f);
}

static FILE *open_out(const char *dir, const char *name)
{
	char path[8192];
	FILE *f;

	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, name) >= sizeof(path)) {
		fputs("gen: path too long\n", stderr);
		exit(2);
	}
	f = fopen(path, "w");
	if (!f) {
		perror(path);
		exit(2);
	}
	return f;
}

int main(int argc, char **argv)
{
	const char *statuses[] = {"met", "partial", "not-met", "compensating", "inherited",
				  "not-applicable", "risk-accepted"};
	const unsigned weights[] = {60, 15, 10, 5, 5, 3, 2};
	char catdir[4096];
	long n;
	int ndomains = 7, per_component = 10;
	FILE *fw, *ans, *prod;

	if ((argc != 3 && argc != 4) || (n = strtol(argv[1], NULL, 10)) < 7) {
		fputs("usage: gen N OUTDIR [SEED] (N >= 7)\n", stderr);
		return 2;
	}
	answer_seed = 0x9e3779b97f4a7c15ULL ^ (argc == 4 ? strtoull(argv[3], NULL, 10) : 0);
	snprintf(catdir, sizeof(catdir), "%s/catalogue", argv[2]);
	if ((mkdir(argv[2], 0755) && errno != EEXIST) || (mkdir(catdir, 0755) && errno != EEXIST)) {
		perror(argv[2]);
		return 2;
	}
	prod = open_out(catdir, "products.yaml");
	fputs("products:\n", prod);
	for (int p = 0; p < 20; p++)
		fprintf(prod,
			"  - { id: p%d, abbr: P%d, name: { en: Product %d, zh: 产品%d }, category: "
			"security-operations, summary: { en: A product that helps., zh: 有帮助的产品。 } }\n",
			p, p, p, p);
	fclose(prod);
	fw = open_out(catdir, "framework.yaml");
	fputs("framework: Synthetic C-RAF\nversion: \"bench\"\nlevels:\n"
	      "  - { id: baseline, name: { en: Baseline, zh: 基线 } }\n"
	      "  - { id: intermediate, name: { en: Intermediate, zh: 中级 } }\n"
	      "  - { id: advanced, name: { en: Advanced, zh: 高级 } }\ndomains:\n",
	      fw);
	ans = open_out(argv[2], "answers.yaml");
	fputs("version: 1\ninstitution: Synthetic Bank\nassessment_date: 2026-11-01\n"
	      "inherent_risk: medium\nanswers:\n",
	      ans);
	for (int d = 1; d <= ndomains; d++) {
		long first = (n * (d - 1)) / ndomains, last = (n * d) / ndomains;
		long count = last - first;
		int ncomp = (int)((count + per_component - 1) / per_component);
		char name[64];
		FILE *df;

		fprintf(fw, "  - id: \"%d\"\n    name: { en: Domain %d, zh: 领域%d }\n"
			    "    file: d%d.yaml\n    components:\n",
			d, d, d, d);
		for (int c = 1; c <= ncomp; c++)
			fprintf(fw, "      - { id: \"%d.%d\", name: { en: Component %d.%d, zh: 组成%d.%d } }\n",
				d, c, d, c, d, c);
		snprintf(name, sizeof(name), "d%d.yaml", d);
		df = open_out(catdir, name);
		fprintf(df, "domain: \"%d\"\nprinciples:\n", d);
		for (long i = 0; i < count; i++) {
			int c = (int)(i / per_component) + 1, p = (int)(i % per_component) + 1;
			unsigned kind = rnd(20); /* 1 in 20 single, 1 in 20 without advanced */
			int nlevels = kind == 0 ? 1 : kind == 1 ? 2 : 3;
			const char *lv[] = {"baseline", "intermediate", "advanced"};

			fprintf(df, "  - id: \"%d.%d.%d\"\n", d, c, p);
			text(df, "    ", "name", 4);
			fputs("    requirements:\n", df);
			for (int l = 0; l < nlevels; l++)
				text(df, "      ", kind == 0 ? "all" : lv[l], 28);
			fprintf(df, "    response:\n      responsibility: shared\n      products: [p%u, p%u]\n",
				rnd(10), 10 + rnd(10));
			text(df, "      ", "customer", 40);
			text(df, "      ", "provider", 40);
			fprintf(ans, "  \"%d.%d.%d\":\n", d, c, p);
			for (int l = 0; l < nlevels; l++) {
				unsigned r = rnd_answer(100), k = 0, acc = weights[0];

				while (r >= acc)
					acc += weights[++k];
				if (kind == 0)
					fputs("    status: ", ans);
				else
					fprintf(ans, "    %s:\n      status: ", lv[l]);
				fprintf(ans, "%s\n", statuses[k]);
				if (kind != 0)
					fputs("  ", ans);
				fprintf(ans, "    evidence: [\"Policy %u v%u, approved 2026-0%u-1%u\", \"Ticket CHG%06u\"]\n",
					rnd_answer(900), 1 + rnd_answer(5), 1 + rnd_answer(9), rnd_answer(9),
					rnd_answer(999999));
				if (k >= 1) {
					if (kind != 0)
						fputs("  ", ans);
					fputs("    note: Partly in place; see the remediation plan for the rest of the work\n", ans);
				}
				if (k == 1 || k == 2) {
					if (kind != 0)
						fputs("  ", ans);
					fprintf(ans, "    remediation: { action: Complete the rollout, owner: CISO, due: 2027-0%u-15 }\n",
						1 + rnd_answer(9));
				}
				if (k == 6) {
					if (kind != 0)
						fputs("  ", ans);
					fputs("    expires: 2027-06-30\n", ans);
				}
				if (kind == 0)
					break;
			}
		}
		fclose(df);
	}
	if (fclose(fw) || fclose(ans)) {
		perror("write");
		return 2;
	}
	return 0;
}
