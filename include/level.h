/* The three C-RAF maturity levels and the inherent-risk ratings that select them. */
#ifndef CRAF_LEVEL_H
#define CRAF_LEVEL_H

enum level {
	LEVEL_NONE = -1, /* below baseline */
	LEVEL_BASELINE = 0,
	LEVEL_INTERMEDIATE = 1,
	LEVEL_ADVANCED = 2,
};

#define LEVEL_COUNT 3

enum risk {
	RISK_NONE = -1,
	RISK_LOW = 0,
	RISK_MEDIUM = 1,
	RISK_HIGH = 2,
};

/* "baseline", "intermediate", "advanced", or "none" for LEVEL_NONE. */
const char *level_name(enum level l);
/* Returns -1 unless s names one of the three levels. */
int level_parse(const char *s, enum level *out);
/* As level_parse, also accepting "none". */
int level_parse_any(const char *s, enum level *out);

const char *risk_name(enum risk r);
int risk_parse(const char *s, enum risk *out);
/* Low -> baseline, medium -> intermediate, high -> advanced. */
enum level risk_target(enum risk r);

#endif
