/* The three C-RAF maturity levels. */
#ifndef CRAF_LEVEL_H
#define CRAF_LEVEL_H

enum level {
	LEVEL_NONE = -1, /* below baseline */
	LEVEL_BASELINE = 0,
	LEVEL_INTERMEDIATE = 1,
	LEVEL_ADVANCED = 2,
};

#define LEVEL_COUNT 3

/* "baseline", "intermediate", "advanced", or "none" for LEVEL_NONE. */
/* "baseline", "intermediate", "advanced", by level. */
extern const char *const level_names[LEVEL_COUNT];

const char *level_name(enum level l);
/* Returns -1 unless s names one of the three levels. */
int level_parse(const char *s, enum level *out);

#endif
