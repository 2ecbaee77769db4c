/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-cli-private.h — what the files of serialtrack-cli share. */
#pragma once

#include <glib.h>

#include "st-export.h"
#include "st-store.h"
#include "st-cli-json.h"

G_BEGIN_DECLS

#define ST_CLI_NAME "serialtrack-cli"

/* Exit statuses of the CLI contract (DESIGN §6). */
typedef enum
{
  ST_CLI_EXIT_OK      = 0,
  ST_CLI_EXIT_REFUSED = 1,
  ST_CLI_EXIT_USAGE   = 2,
} StCliExit;

/* At most this many serials in one document typed, ranged or read from files. */
#define ST_CLI_MAX_SERIALS 1000000

typedef struct _StCli        StCli;
typedef struct _StCliCommand StCliCommand;

typedef int (*StCliRunFunc) (StCli              *cli,
                             const StCliCommand *command,
                             int                 argc,
                             char              **argv);

struct _StCliCommand
{
  const char   *group;     /* "bill", "init" */
  const char   *name;      /* "post"; NULL for one-word commands */
  StCliRunFunc  run;
  const char   *synopsis;  /* NC_("command synopsis") text after "serialtrack-cli … " */
  const char   *summary;   /* N_() one line */
};

struct _StCli
{
  char     *db_path;      /* --db, or NULL */
  gboolean  json;
  gboolean  stdin_used;   /* a @- serial list already read standard input */
  StStore  *store;
};

/* st-cli-util.c: option parsing. */
typedef enum
{
  ST_CLI_OPT_FLAG,        /* gboolean *           */
  ST_CLI_OPT_VALUE,       /* char ** (given once) */
  ST_CLI_OPT_VALUES,      /* GPtrArray ** of char*, repeatable */
} StCliOptKind;

typedef struct
{
  const char   *name;     /* long name without "--" */
  StCliOptKind  kind;
  gpointer      target;
} StCliOption;

/* Parses a command's arguments (after its words): options of @options (terminated by a
 * { NULL } entry), the global --db/--json, --help, and between @min_args and @max_args
 * positional arguments (into @args, may be NULL when @max_args is 0).  Returns -1 to go on,
 * or the exit status to end with (0 after --help, 2 after a usage error, already reported). */
int         st_cli_parse_options     (StCli               *cli,
                                      const StCliCommand  *command,
                                      const StCliOption   *options,
                                      int                  argc,
                                      char               **argv,
                                      guint                min_args,
                                      guint                max_args,
                                      GPtrArray          **args);
/* Reports a usage error with the command's synopsis; returns ST_CLI_EXIT_USAGE. */
int         st_cli_usage_error       (const StCliCommand  *command,
                                      const char          *format,
                                      ...) G_GNUC_PRINTF (2, 3);
/* Prints "serialtrack-cli: MESSAGE" on one line to stderr; returns ST_CLI_EXIT_REFUSED. */
int         st_cli_fail              (const GError        *error);
void        st_cli_print_help        (const StCliCommand  *command);
/* Appends "Global options:" and the --db and --json lines, aligned, to OUT. */
void        st_cli_append_global_options (GString         *out);

/* What "@NAME" names, whole: the standard input for "@-" (once per command: a second "@-"
 * is refused), else the file NAME. */
gboolean    st_cli_read_at_file      (StCli               *cli,
                                      const char          *name,
                                      char               **contents,
                                      gsize               *length,
                                      GError             **error);

/* Opens the database of --db / $SERIALTRACK_DB / the default, without creating it. */
gboolean    st_cli_open_store        (StCli               *cli,
                                      GError             **error);
char       *st_cli_database_path     (StCli               *cli);

/* Output: human text through the locale's charset (st-cli-charset.c), JSON (a document of
 * json_builder_new (), st-cli-json.h) as UTF-8 bytes. */
void        st_cli_print_text        (const char          *text);
void        st_cli_print_json        (JsonBuilder         *json);
/* A top-level JSON array printed a value at a time, for lists as long as the inventory: the
 * same text as st_cli_print_json () of the whole array, without holding it whole.  Start
 * with a zeroed StCliJsonList; each _add () takes a builder holding one complete value (and
 * resets it for the next one). */
typedef struct
{
  guint n_values;
} StCliJsonList;
void        st_cli_json_list_add     (StCliJsonList       *list,
                                      JsonBuilder         *value);
void        st_cli_json_list_end     (StCliJsonList       *list);

/* What a command prints: one object (with --json by @to_json, else the line @text), or a
 * list (with --json an array of its objects by @to_json, else @to_text's text of the whole
 * list, nothing for an empty one).  Both return ST_CLI_EXIT_OK. */
typedef void (*StCliToJsonFunc) (gpointer     object,
                                 JsonBuilder *json);
typedef void (*StCliListToTextFunc) (GPtrArray *list,
                                     GString   *out);
int         st_cli_print_object      (StCli               *cli,
                                      gpointer             object,
                                      StCliToJsonFunc      to_json,
                                      const char          *text);
/* One record in detail: with --json by @to_json, else the line @headline (NULL: none) and
 * @to_text's text of it.  Returns ST_CLI_EXIT_OK. */
typedef void (*StCliToTextFunc) (gpointer  object,
                                 GString  *out);
int         st_cli_print_details     (StCli               *cli,
                                      gpointer             object,
                                      StCliToJsonFunc      to_json,
                                      const char          *headline,
                                      StCliToTextFunc      to_text);
int         st_cli_print_list        (StCli               *cli,
                                      GPtrArray           *list,
                                      StCliToJsonFunc      to_json,
                                      StCliListToTextFunc  to_text);

/* Option values: exactly one of --vendor and --customer, into @kind; a unit status by its
 * name.  Return -1 to go on, or the exit status of the usage error reported. */
int         st_cli_contact_kind      (const StCliCommand  *command,
                                      gboolean             vendor,
                                      gboolean             customer,
                                      StContactKind       *kind);
int         st_cli_unit_status       (const StCliCommand  *command,
                                      const char          *name,
                                      StUnitStatus        *status);
/* --warranty-months; FALSE with ST_ERROR_INVALID_INPUT for what is not a whole number. */
gboolean    st_cli_parse_months      (const char          *text,
                                      guint               *months,
                                      GError             **error);

/* Columns of text, padded by display width. */
typedef struct _StCliTable StCliTable;
StCliTable *st_cli_table_new         (guint                n_columns);
void        st_cli_table_free        (StCliTable          *table);
/* Right-align column @column (money, counts). */
void        st_cli_table_align_right (StCliTable          *table,
                                      guint                column);
/* Adds a row of n_columns strings (NULL: empty). */
void        st_cli_table_add_row     (StCliTable          *table,
                                      ...);
void        st_cli_table_add_rowv    (StCliTable          *table,
                                      const char * const  *cells);
void        st_cli_table_render      (StCliTable          *table,
                                      const char          *indent,
                                      GString             *out);
/* Prints the table (st_cli_print_text), a few hundred lines at a time. */
void        st_cli_table_print       (StCliTable          *table,
                                      const char          *indent);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StCliTable, st_cli_table_free)
/* A "label  value" row, left out when @value is NULL or empty. */
void        st_cli_table_add_field   (StCliTable          *table,
                                      const char          *label,
                                      const char          *value);

/* st-cli-output.c: rendering. */
void        st_cli_document_to_json  (StDocument          *document,
                                      JsonBuilder         *json);
void        st_cli_document_to_text  (StDocument          *document,
                                      GString             *out);
void        st_cli_item_to_json      (StItem              *item,
                                      JsonBuilder         *json);
void        st_cli_warehouse_to_json (StWarehouse         *warehouse,
                                      JsonBuilder         *json);
void        st_cli_contact_to_json   (StContact           *contact,
                                      JsonBuilder         *json);
/* Without @history (NULL) the unit object has no "history" member. */
void        st_cli_unit_to_json      (StUnit              *unit,
                                      GPtrArray           *history,
                                      JsonBuilder         *json);
/* A unit of a list: st_cli_unit_to_json() without its history. */
void        st_cli_list_unit_to_json (StUnit              *unit,
                                      JsonBuilder         *json);
void        st_cli_unit_to_text      (StUnit              *unit,
                                      GPtrArray           *history,
                                      GString             *out);
void        st_cli_items_to_text     (GPtrArray           *items,
                                      GString             *out);
void        st_cli_units_to_text     (GPtrArray           *units,
                                      GString             *out);

/* Commands: st-cli-setup.c */
int st_cli_cmd_init             (StCli *cli, const StCliCommand *command, int argc, char **argv);
int st_cli_cmd_preferences_show (StCli *cli, const StCliCommand *command, int argc, char **argv);
int st_cli_cmd_preferences_set  (StCli *cli, const StCliCommand *command, int argc, char **argv);
int st_cli_cmd_warehouse_add    (StCli *cli, const StCliCommand *command, int argc, char **argv);
int st_cli_cmd_warehouse_list   (StCli *cli, const StCliCommand *command, int argc, char **argv);
int st_cli_cmd_contact_add      (StCli *cli, const StCliCommand *command, int argc, char **argv);
int st_cli_cmd_contact_list     (StCli *cli, const StCliCommand *command, int argc, char **argv);
int st_cli_cmd_item_add         (StCli *cli, const StCliCommand *command, int argc, char **argv);
int st_cli_cmd_item_list        (StCli *cli, const StCliCommand *command, int argc, char **argv);

/* st-cli-editing.c */
int st_cli_cmd_item_edit        (StCli *cli, const StCliCommand *command, int argc, char **argv);
/* item archive | item restore | item delete, by the command's name. */
int st_cli_cmd_item_archive     (StCli *cli, const StCliCommand *command, int argc, char **argv);
int st_cli_cmd_contact_edit     (StCli *cli, const StCliCommand *command, int argc, char **argv);
int st_cli_cmd_warehouse_rename (StCli *cli, const StCliCommand *command, int argc, char **argv);
/* contact archive | restore | delete and warehouse archive | restore | delete, by name. */
int st_cli_cmd_contact_archive  (StCli *cli, const StCliCommand *command, int argc, char **argv);
int st_cli_cmd_warehouse_archive (StCli *cli, const StCliCommand *command, int argc, char **argv);

/* st-cli-documents.c */
/* Every "KIND post" command: the kind is found by the command's group in the table of document
 * kinds (st-doc-kind.h), which also gives its options. */
int st_cli_cmd_post             (StCli *cli, const StCliCommand *command, int argc, char **argv);
int st_cli_cmd_transfer_receive (StCli *cli, const StCliCommand *command, int argc, char **argv);
int st_cli_cmd_void             (StCli *cli, const StCliCommand *command, int argc, char **argv);

/* A posted document as "KIND post" prints it ("Posted bill …" and the document, or JSON). */
int st_cli_print_posted         (StCli *cli, StDocument *document);

/* st-cli-drafts.c */
/* Saves @draft as a new draft and prints it ("KIND post … --draft"). */
int st_cli_save_draft           (StCli *cli, StDraft *draft);
int st_cli_cmd_draft_list       (StCli *cli, const StCliCommand *command, int argc, char **argv);
int st_cli_cmd_draft_show       (StCli *cli, const StCliCommand *command, int argc, char **argv);
int st_cli_cmd_draft_post       (StCli *cli, const StCliCommand *command, int argc, char **argv);
int st_cli_cmd_draft_delete     (StCli *cli, const StCliCommand *command, int argc, char **argv);

/* Adds the LINEs of @texts (SKU:QTY[:RATE[:SERIALS]]) to @draft. */
gboolean st_cli_add_lines       (StCli *cli, StDraft *draft, GPtrArray *texts, GError **error);

/* st-cli-service.c */
int st_cli_cmd_service_open     (StCli *cli, const StCliCommand *command, int argc, char **argv);
int st_cli_cmd_service_show     (StCli *cli, const StCliCommand *command, int argc, char **argv);
int st_cli_cmd_service_note     (StCli *cli, const StCliCommand *command, int argc, char **argv);
int st_cli_cmd_service_part     (StCli *cli, const StCliCommand *command, int argc, char **argv);
/* service start | ready | cancel | void, by the command's name. */
int st_cli_cmd_service_status   (StCli *cli, const StCliCommand *command, int argc, char **argv);
int st_cli_cmd_service_close    (StCli *cli, const StCliCommand *command, int argc, char **argv);
int st_cli_cmd_service_replace  (StCli *cli, const StCliCommand *command, int argc, char **argv);
int st_cli_cmd_service_refund   (StCli *cli, const StCliCommand *command, int argc, char **argv);
int st_cli_cmd_services         (StCli *cli, const StCliCommand *command, int argc, char **argv);
int st_cli_cmd_warranty_expiring (StCli *cli, const StCliCommand *command, int argc, char **argv);
int st_cli_cmd_export_services  (StCli *cli, const StCliCommand *command, int argc, char **argv);

/* st-cli-units.c */
int st_cli_cmd_unit             (StCli *cli, const StCliCommand *command, int argc, char **argv);
int st_cli_cmd_units            (StCli *cli, const StCliCommand *command, int argc, char **argv);
int st_cli_cmd_search           (StCli *cli, const StCliCommand *command, int argc, char **argv);
int st_cli_cmd_check            (StCli *cli, const StCliCommand *command, int argc, char **argv);

/* Prints a check report (counts and problems, or JSON); exit 1 when it found problems. */
int st_cli_print_check_report   (StCli *cli, StCheckReport *report);

/* st-cli-count.c */
int st_cli_cmd_count_start      (StCli *cli, const StCliCommand *command, int argc, char **argv);
int st_cli_cmd_count_scan       (StCli *cli, const StCliCommand *command, int argc, char **argv);
int st_cli_cmd_count_show       (StCli *cli, const StCliCommand *command, int argc, char **argv);
int st_cli_cmd_count_list       (StCli *cli, const StCliCommand *command, int argc, char **argv);
int st_cli_cmd_count_finish     (StCli *cli, const StCliCommand *command, int argc, char **argv);
int st_cli_cmd_export_count     (StCli *cli, const StCliCommand *command, int argc, char **argv);

/* st-cli-backup.c */
int st_cli_cmd_backup           (StCli *cli, const StCliCommand *command, int argc, char **argv);
int st_cli_cmd_restore          (StCli *cli, const StCliCommand *command, int argc, char **argv);
int st_cli_cmd_copy             (StCli *cli, const StCliCommand *command, int argc, char **argv);

/* st-cli-export.c */
/* "Wrote FILE", or {"export": KIND, "file": FILE} with --json. */
void st_cli_print_written       (StCli *cli, const char *kind, const char *path);
/* An export of a period (st_export_sold(), st_export_services()): FILE, --from, --to and
 * --force, then "Wrote FILE" (@kind with --json). */
typedef gboolean (*StCliPeriodExportFunc) (StStore *store, const char *path, const char *from,
                                           const char *to, gboolean overwrite,
                                           GCancellable *cancellable, StProgressFunc progress,
                                           gpointer progress_data, GError **error);
int st_cli_export_period        (StCli *cli, const StCliCommand *command, int argc, char **argv,
                                 StCliPeriodExportFunc export, const char *kind);
int st_cli_cmd_export_history   (StCli *cli, const StCliCommand *command, int argc, char **argv);
int st_cli_cmd_export_sold      (StCli *cli, const StCliCommand *command, int argc, char **argv);
/* st-cli-labels.c */
int st_cli_cmd_labels           (StCli *cli, const StCliCommand *command, int argc, char **argv);

int st_cli_cmd_generate         (StCli *cli, const StCliCommand *command, int argc, char **argv);

G_END_DECLS
