/* Languages: bilingual catalogue text and the report's own words. */
#ifndef CRAF_I18N_H
#define CRAF_I18N_H

#include <stddef.h>

enum lang {
	LANG_EN,
	LANG_ZH,      /* Simplified Chinese, as the catalogue is written */
	LANG_ZH_HANT, /* Traditional Chinese (Hong Kong): zh text converted on output */
};

/* A text in English and Simplified Chinese; zh may be NULL. */
struct text {
	const char *en;
	const char *zh;
};

/* Parses "en", "zh" (or "zh-Hans") and "zh-Hant" (or "zh-HK", "zh-TW"); -1 otherwise. */
int lang_parse(const char *s, enum lang *out);
/*
 * The language a locale name asks for (the command layer passes the first
 * of LC_ALL, LC_MESSAGES and LANG that is set): zh_HK, zh_TW and zh_MO give
 * zh-Hant, other zh locales zh, anything else (or NULL) en.
 */
enum lang lang_from_locale(const char *locale);
const char *lang_name(enum lang l);
/* The text in lang, falling back to English; "" when both are missing. */
const char *text_get(const struct text *t, enum lang lang);

/* Words craf itself prints in reports. */
enum msg {
	MSG_REPORT_TITLE,
	MSG_INSTITUTION,
	MSG_ASSESSED,
	MSG_BY,
	MSG_SCOPE,
	MSG_CATALOGUE,
	MSG_PRINCIPLES,
	MSG_TARGET,
	MSG_FROM_EXPLICIT,
	MSG_FROM_INHERENT_RISK,
	MSG_FROM_COMMAND_LINE,
	MSG_OVERALL,
	MSG_DOMAINS,
	MSG_DOMAIN,
	MSG_ACHIEVED,
	MSG_GAPS_AGAINST,
	MSG_NO_GAPS,
	MSG_ALL_LEVELS,
	MSG_STATUS,
	MSG_NOTE,
	MSG_EVIDENCE,
	MSG_REMEDIATION,
	MSG_DUE,
	MSG_OVERDUE,
	MSG_EXPIRES,
	MSG_EXPIRED,
	MSG_HELPS,
	MSG_RESPONSIBILITY,
	MSG_SUMMARY_GAPS,
	MSG_SUMMARY_UNANSWERED,
	MSG_SUMMARY_OVERDUE,
	MSG_NONE_LEVEL,
	MSG_LEVEL_BASELINE,
	MSG_LEVEL_INTERMEDIATE,
	MSG_LEVEL_ADVANCED,
	MSG_RISK_LOW,
	MSG_RISK_MEDIUM,
	MSG_RISK_HIGH,
	MSG_RESP_CUSTOMER,
	MSG_RESP_SHARED,
	MSG_RESP_PROVIDER,
	MSG_ST_UNANSWERED,
	MSG_ST_MET,
	MSG_ST_COMPENSATING,
	MSG_ST_NOT_APPLICABLE,
	MSG_ST_INHERITED,
	MSG_ST_PARTIAL,
	MSG_ST_NOT_MET,
	MSG_ST_RISK_ACCEPTED,
	MSG_MEETS_TARGET,
	MSG_BELOW_TARGET,
	MSG_SHIPPED_NOTE,
	MSG_BUILTIN,
	MSG_RISK_ACCEPTED_LABEL,
	MSG_CAT_REQUIREMENTS,
	MSG_CAT_LEGEND,
	MSG_CAT_COMPONENT,
	MSG_CAT_LEVELS,
	MSG_CAT_ADDS_TO,
	MSG_CAT_RESPONSE,
	MSG_CAT_PRODUCTS,
	MSG_CAT_CUSTOMER,
	MSG_CAT_PROVIDER,
	MSG_CAT_CERTIFICATIONS,
	MSG_CAT_HELPS_WITH,
	MSG_CAT_CATEGORY,
	MSG_CAT_NO_PRINCIPLES,
	MSG_CAT_NONE,
	MSG_CAT_AREA,
	MSG_REQUIREMENT,
	MSG_LEVEL,
	MSG_PROGRESS,
	MSG_APPENDIX,
	MSG_GAP_REGISTER,
	MSG_DIFF_TITLE,
	MSG_DIFF_OLD,
	MSG_DIFF_NEW,
	MSG_DIFF_REGRESSIONS,
	MSG_DIFF_CLOSED,
	MSG_DIFF_STILL_OPEN,
	MSG_DIFF_NEW_GAPS,
	MSG_DIFF_STATUS_CHANGES,
	MSG_DIFF_REMEDIATION_DUE,
	MSG_DIFF_ONLY_NEW,
	MSG_DIFF_ONLY_OLD,
	MSG_DIFF_CAT_SAME,
	MSG_DIFF_CAT_CHANGED,
	MSG_DIFF_VERDICT,
	MSG_TREND_TITLE,
	MSG_TREND_CYCLES,
	MSG_GAPS_LABEL,
	MSG_OVERDUE_LABEL,
	MSG_EXPIRED_SECTION,
	MSG_SUMMARY_EXPIRED,
	MSG_STALE_SECTION,
	MSG_STALE_OLDER,
	MSG_MONTHS,
	MSG_SUMMARY_STALE,
	MSG_EVIDENCE_FILES,
	MSG_EVIDENCE_APPENDIX,
	MSG_FILE,
	MSG_DATE,
	MSG_TITLE,
	MSG_SIZE,
	MSG_STALE,
	MSG_INHERENT_RISK,
	MSG_ICAST_REQUIRED,
	MSG_ICAST_NOT_REQUIRED,
	MSG_RISK_STATED,
	MSG_RISK_OVERRIDE,
	MSG_RISK_INDICATORS,
	MSG_RISK_COMPUTED,
	MSG_RISK_JUSTIFICATION,
	MSG_RISK_CATEGORY,
	MSG_RISK_RATING,
	MSG_RISK_TITLE,
	MSG_RISK_COUNTS,
	MSG_RISK_RULE,
	MSG_RISK_RULE_TEXT,
	MSG_RISK_OVERRIDE_LABEL,
	MSG_ICAST_REQUIRED_TEXT,
	MSG_ICAST_NOT_TEXT,
	MSG_COUNT
};

const char *msg(enum lang lang, enum msg id);
/*
 * The words that follow a count of n: "1 principle", "2 principles".
 * Chinese counts with a measure word and has no plural.
 */
const char *msg_n(enum lang lang, enum msg id, size_t n);
/* The message as written for lang, NULL when missing (msg() would fall back to English). */
const char *msg_raw(enum lang lang, enum msg id);

#endif
