/* craf's exit statuses, shared by every command. */
#ifndef CRAF_EXITCODE_H
#define CRAF_EXITCODE_H

enum craf_exit {
	CRAF_EXIT_OK = 0,    /* success; for assess: no gap against the target */
	CRAF_EXIT_GAPS = 1,  /* assess: gaps remain; diff: something regressed */
	CRAF_EXIT_ERROR = 2, /* usage or input error, nothing written */
};

#endif
