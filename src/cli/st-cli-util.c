/* SPDX-License-Identifier: GPL-3.0-or-later */
/* st-cli-util.c — option parsing, error reporting, opening the database, columns of text. */
#define G_LOG_DOMAIN "st-cli"

#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "st-error.h"
#include "st-cli-private.h"

/* Usage and help. */

static char *
command_words (const StCliCommand *command)
{
  if (command->name != NULL)
    return g_strdup_printf ("%s %s", command->group, command->name);
  return g_strdup (command->group);
}

void
st_cli_print_help (const StCliCommand *command)
{
  g_autoptr(GString) out = g_string_new (NULL);

  /* Translators: %1$s is the program name, %2$s a command synopsis; keep the option names as
   * they are */
  g_string_append_printf (out, _("Usage: %1$s [--db FILE] [--json] %2$s"), ST_CLI_NAME,
                          g_dpgettext2 (GETTEXT_PACKAGE, "command synopsis", command->synopsis));
  g_string_append (out, "\n\n");
  g_string_append (out, _(command->summary));
  g_string_append (out, "\n\n");
  st_cli_append_global_options (out);
  st_cli_print_text (out->str);
}

void
st_cli_append_global_options (GString *out)
{
  /* Translators: keep --db; FILE may be translated, as in the usage line */
  const char *db = _("--db FILE");
  const char *json = "--json";
  glong width = MAX (g_utf8_strlen (db, -1), g_utf8_strlen (json, -1)) + 3;

  g_string_append (out, _("Global options:"));
  g_string_append_printf (out, "\n  %s%*s", db, (int) (width - g_utf8_strlen (db, -1)), "");
  g_string_append (out, _("the database (default: $SERIALTRACK_DB, else the app's file)"));
  g_string_append_printf (out, "\n  %s%*s", json, (int) (width - g_utf8_strlen (json, -1)), "");
  g_string_append (out, _("print machine-readable JSON"));
  g_string_append_c (out, '\n');
}

int
st_cli_usage_error (const StCliCommand *command,
                    const char         *format,
                    ...)
{
  g_autofree char *message = NULL;
  g_autofree char *words = command_words (command);
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("%s: %s\n", ST_CLI_NAME, message);
  /* Translators: %1$s is the program name, %2$s a command synopsis; keep the option names as
   * they are */
  g_printerr (_("Usage: %1$s [--db FILE] [--json] %2$s"), ST_CLI_NAME,
              g_dpgettext2 (GETTEXT_PACKAGE, "command synopsis", command->synopsis));
  g_printerr ("\n");
  /* Translators: %1$s is the program name, %2$s a command such as "bill post" */
  g_printerr (_("Try “%1$s %2$s --help” for more information."), ST_CLI_NAME, words);
  g_printerr ("\n");
  return ST_CLI_EXIT_USAGE;
}

int
st_cli_fail (const GError *error)
{
  g_autofree char *message = g_strdup (error != NULL ? error->message
                                                     : _("Something went wrong; nothing was "
                                                         "written"));

  /* One line, whatever the message holds. */
  g_strdelimit (message, "\r\n", ' ');
  g_printerr ("%s: %s\n", ST_CLI_NAME, message);
  return ST_CLI_EXIT_REFUSED;
}

/* Options. */

static const StCliOption *
find_option (const StCliOption *options,
             const char        *name)
{
  for (const StCliOption *o = options; o != NULL && o->name != NULL; o++)
    if (strcmp (o->name, name) == 0)
      return o;
  return NULL;
}

int
st_cli_parse_options (StCli               *cli,
                      const StCliCommand  *command,
                      const StCliOption   *options,
                      int                  argc,
                      char               **argv,
                      guint                min_args,
                      guint                max_args,
                      GPtrArray          **args)
{
  g_autoptr(GPtrArray) positional = g_ptr_array_new ();
  gboolean only_args = FALSE;

  for (int i = 0; i < argc; i++)
    {
      const char *arg = argv[i];
      g_autofree char *name = NULL;
      const char *value = NULL;
      const char *eq;
      const StCliOption *option;
      StCliOption global;

      if (only_args || arg[0] != '-' || arg[1] == '\0')
        {
          g_ptr_array_add (positional, (gpointer) arg);
          continue;
        }
      if (strcmp (arg, "--") == 0)
        {
          only_args = TRUE;
          continue;
        }
      if (strcmp (arg, "-h") == 0 || strcmp (arg, "--help") == 0)
        {
          st_cli_print_help (command);
          return ST_CLI_EXIT_OK;
        }
      if (arg[1] != '-')
        return st_cli_usage_error (command, _("Unknown option “%s”"), arg);

      eq = strchr (arg + 2, '=');
      name = eq != NULL ? g_strndup (arg + 2, eq - (arg + 2)) : g_strdup (arg + 2);
      if (eq != NULL)
        value = eq + 1;

      option = find_option (options, name);
      if (option == NULL && strcmp (name, "db") == 0)
        {
          global = (StCliOption) { "db", ST_CLI_OPT_VALUE, &cli->db_path };
          option = &global;
        }
      else if (option == NULL && strcmp (name, "json") == 0)
        {
          global = (StCliOption) { "json", ST_CLI_OPT_FLAG, &cli->json };
          option = &global;
        }
      if (option == NULL)
        return st_cli_usage_error (command, _("Unknown option “%s”"), arg);

      if (option->kind == ST_CLI_OPT_FLAG)
        {
          if (value != NULL)
            /* Translators: %s is an option name; keep the two dashes */
            return st_cli_usage_error (command, _("Option --%s takes no value"), name);
          *(gboolean *) option->target = TRUE;
          continue;
        }

      if (value == NULL)
        {
          if (i + 1 >= argc)
            /* Translators: %s is an option name; keep the two dashes */
            return st_cli_usage_error (command, _("Option --%s needs a value"), name);
          value = argv[++i];
        }
      if (option->kind == ST_CLI_OPT_VALUE)
        {
          char **target = option->target;

          if (*target != NULL)
            /* Translators: %s is an option name; keep the two dashes */
            return st_cli_usage_error (command, _("Option --%s is given more than once"), name);
          *target = g_strdup (value);
        }
      else
        {
          GPtrArray **target = option->target;

          if (*target == NULL)
            *target = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (*target, g_strdup (value));
        }
    }

  if (positional->len < min_args)
    return st_cli_usage_error (command, _("Missing arguments"));
  if (positional->len > max_args)
    /* Translators: %s is the argument that was typed */
    return st_cli_usage_error (command, _("Unexpected argument “%s”"),
                               (const char *) g_ptr_array_index (positional, max_args));
  if (args != NULL)
    *args = g_steal_pointer (&positional);
  return -1;
}

/* The database. */

char *
st_cli_database_path (StCli *cli)
{
  const char *env = g_getenv ("SERIALTRACK_DB");

  if (cli->db_path != NULL && *cli->db_path != '\0')
    return g_strdup (cli->db_path);
  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return st_store_default_path ();
}

gboolean
st_cli_open_store (StCli   *cli,
                   GError **error)
{
  g_autofree char *path = st_cli_database_path (cli);

  if (!st_store_location_is_server (path) && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, ST_ERROR, ST_ERROR_NOT_FOUND,
                   /* Translators: %1$s is a file name, %2$s the program name */
                   _("There is no database at “%1$s”; run “%2$s init” to create one"),
                   display, ST_CLI_NAME);
      return FALSE;
    }
  cli->store = st_store_open (path, ST_STORE_OPEN_DEFAULT, error);
  return cli->store != NULL;
}

/* Output. */

void
st_cli_print_text (const char *text)
{
  g_print ("%s", text);
}

void
st_cli_print_json (JsonBuilder *json)
{
  g_autofree char *text = st_cli_json_to_text (json, TRUE);

  fwrite (text, 1, strlen (text), stdout);
  fflush (stdout);
}

void
st_cli_json_list_add (StCliJsonList *list,
                      JsonBuilder   *value)
{
  g_autofree char *text = st_cli_json_element_to_text (value, 1);

  fputs (list->n_values++ == 0 ? "[\n  " : ",\n  ", stdout);
  fwrite (text, 1, strlen (text), stdout);
  json_builder_reset (value);
}

void
st_cli_json_list_end (StCliJsonList *list)
{
  fputs (list->n_values == 0 ? "[]\n" : "\n]\n", stdout);
  fflush (stdout);
}

int
st_cli_print_object (StCli           *cli,
                     gpointer         object,
                     StCliToJsonFunc  to_json,
                     const char      *text)
{
  if (cli->json)
    {
      g_autoptr(JsonBuilder) json = json_builder_new ();

      to_json (object, json);
      st_cli_print_json (json);
    }
  else
    {
      st_cli_print_text (text);
      st_cli_print_text ("\n");
    }
  return ST_CLI_EXIT_OK;
}

int
st_cli_print_details (StCli           *cli,
                      gpointer         object,
                      StCliToJsonFunc  to_json,
                      const char      *headline,
                      StCliToTextFunc  to_text)
{
  if (cli->json)
    {
      g_autoptr(JsonBuilder) json = json_builder_new ();

      to_json (object, json);
      st_cli_print_json (json);
    }
  else
    {
      g_autoptr(GString) out = g_string_new (NULL);

      if (headline != NULL)
        {
          g_string_append (out, headline);
          g_string_append_c (out, '\n');
        }
      to_text (object, out);
      st_cli_print_text (out->str);
    }
  return ST_CLI_EXIT_OK;
}

int
st_cli_print_list (StCli               *cli,
                   GPtrArray           *list,
                   StCliToJsonFunc      to_json,
                   StCliListToTextFunc  to_text)
{
  if (cli->json)
    {
      g_autoptr(JsonBuilder) json = json_builder_new ();
      StCliJsonList json_list = { 0 };

      for (guint i = 0; i < list->len; i++)
        {
          to_json (g_ptr_array_index (list, i), json);
          st_cli_json_list_add (&json_list, json);
        }
      st_cli_json_list_end (&json_list);
    }
  else if (list->len > 0)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      to_text (list, out);
      st_cli_print_text (out->str);
    }
  return ST_CLI_EXIT_OK;
}

/* Option values. */

int
st_cli_contact_kind (const StCliCommand *command,
                     gboolean            vendor,
                     gboolean            customer,
                     StContactKind      *kind)
{
  if (vendor == customer)
    return st_cli_usage_error (command, _("Give either --vendor or --customer"));
  *kind = vendor ? ST_CONTACT_VENDOR : ST_CONTACT_CUSTOMER;
  return -1;
}

int
st_cli_unit_status (const StCliCommand *command,
                    const char         *name,
                    StUnitStatus       *status)
{
  if (!st_unit_status_from_string (name, status))
    return st_cli_usage_error (command,
                               /* Translators: %s is what was typed; keep the status names
                                * (in_stock …) as they are */
                               _("Unknown status “%s”; use in_stock, in_transit, sold, "
                                 "written_off, returned_to_vendor or voided"),
                               name);
  return -1;
}

gboolean
st_cli_parse_months (const char  *text,
                     guint       *months,
                     GError     **error)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &value, NULL))
    {
      g_set_error (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                   /* Translators: %s is what was typed after --warranty-months */
                   _("Invalid --warranty-months “%s”: use a whole number of months"), text);
      return FALSE;
    }
  *months = (guint) value;
  return TRUE;
}

/* Columns. */

/* The cells live in one string, row after row, each ended by a NUL, with the offset of each
 * row's first cell: a table of 20,000 rows is two allocations, not six a row, which matters
 * where every page of memory touched costs (20 µs a page on the benchmark's machine). */
struct _StCliTable
{
  guint      n_columns;
  gboolean  *right;
  GString   *text;
  GArray    *rows;     /* gsize, where each row starts in text */
  glong     *widths;   /* the widest cell of each column, in characters */
};

StCliTable *
st_cli_table_new (guint n_columns)
{
  StCliTable *table = g_new0 (StCliTable, 1);

  table->n_columns = n_columns;
  table->right = g_new0 (gboolean, n_columns);
  table->widths = g_new0 (glong, n_columns);
  table->text = g_string_new (NULL);
  table->rows = g_array_new (FALSE, FALSE, sizeof (gsize));
  return table;
}

void
st_cli_table_free (StCliTable *table)
{
  if (table == NULL)
    return;
  g_string_free (table->text, TRUE);
  g_array_unref (table->rows);
  g_free (table->widths);
  g_free (table->right);
  g_free (table);
}

void
st_cli_table_align_right (StCliTable *table,
                          guint       column)
{
  g_return_if_fail (column < table->n_columns);
  table->right[column] = TRUE;
}

/* Keeps @cell (valid UTF-8) on one line even if a name holds a line break; returns its
 * length in characters (its bytes that do not continue a character). */
static glong
one_line (char *cell)
{
  glong n = 0;

  for (char *p = cell; *p != '\0'; p++)
    {
      if (*p == '\r' || *p == '\n' || *p == '\t')
        *p = ' ';
      n += ((guchar) *p & 0xc0) != 0x80;
    }
  return n;
}

/* The length of @cell (valid UTF-8) in characters. */
static glong
n_chars (const char *cell)
{
  glong n = 0;

  for (const char *p = cell; *p != '\0'; p++)
    n += ((guchar) *p & 0xc0) != 0x80;
  return n;
}

void
st_cli_table_add_rowv (StCliTable         *table,
                       const char * const *cells)
{
  gsize start = table->text->len;

  g_array_append_val (table->rows, start);
  for (guint i = 0; i < table->n_columns; i++)
    {
      const char *cell = cells[i] != NULL ? cells[i] : "";
      gsize at = table->text->len;

      if (g_utf8_validate (cell, -1, NULL))
        g_string_append (table->text, cell);
      else
        {
          g_autofree char *valid = g_utf8_make_valid (cell, -1);

          g_string_append (table->text, valid);
        }
      table->widths[i] = MAX (table->widths[i], one_line (table->text->str + at));
      g_string_append_c (table->text, '\0');
    }
}

void
st_cli_table_add_row (StCliTable *table,
                      ...)
{
  g_autofree const char **cells = g_new0 (const char *, table->n_columns + 1);
  va_list args;

  va_start (args, table);
  for (guint i = 0; i < table->n_columns; i++)
    cells[i] = va_arg (args, const char *);
  va_end (args);
  st_cli_table_add_rowv (table, cells);
}

void
st_cli_table_add_field (StCliTable *table,
                        const char *label,
                        const char *value)
{
  if (value != NULL && *value != '\0')
    st_cli_table_add_row (table, label, value);
}

static void
append_padding (GString *out,
                glong    n)
{
  if (n > 0)
    {
      gsize at = out->len;

      g_string_set_size (out, at + (gsize) n);
      memset (out->str + at, ' ', (gsize) n);
    }
}

/* Rows @from to @to (excluded) onto @out. */
static void
render_rows (StCliTable *table,
             const char *indent,
             guint       from,
             guint       to,
             GString    *out)
{
  g_autofree const char **row = g_new0 (const char *, table->n_columns + 1);

  for (guint r = from; r < to; r++)
    {
      const char *cell = table->text->str + g_array_index (table->rows, gsize, r);
      guint last = table->n_columns;

      for (guint c = 0; c < table->n_columns; c++)
        {
          row[c] = cell;
          cell += strlen (cell) + 1;
        }
      /* No trailing blanks: stop after the last non-empty left-aligned cell. */
      while (last > 0 && *row[last - 1] == '\0')
        last--;
      g_string_append (out, indent != NULL ? indent : "");
      for (guint c = 0; c < last; c++)
        {
          glong pad = table->widths[c] - n_chars (row[c]);

          if (c > 0)
            g_string_append (out, "  ");
          if (table->right[c])
            append_padding (out, pad);
          g_string_append (out, row[c]);
          if (!table->right[c] && c + 1 < last)
            append_padding (out, pad);
        }
      g_string_append_c (out, '\n');
    }
}

static guint
n_rows (StCliTable *table)
{
  return table->rows->len;
}

void
st_cli_table_render (StCliTable *table,
                     const char *indent,
                     GString    *out)
{
  render_rows (table, indent, 0, n_rows (table), out);
}

void
st_cli_table_print (StCliTable *table,
                    const char *indent)
{
  g_autoptr(GString) out = g_string_sized_new (64 * 1024);
  guint n = n_rows (table);

  /* A few hundred lines at a time: a long list is never a second copy in memory. */
  for (guint from = 0; from < n; from += 512)
    {
      g_string_truncate (out, 0);
      render_rows (table, indent, from, MIN (n, from + 512), out);
      st_cli_print_text (out->str);
    }
}

static char *
read_stdin (GError **error)
{
  GString *text = g_string_new (NULL);
  char buffer[65536];
  size_t n;

  while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
    g_string_append_len (text, buffer, (gssize) n);
  if (ferror (stdin))
    {
      g_string_free (text, TRUE);
      g_set_error_literal (error, ST_ERROR, ST_ERROR_IO, _("Cannot read the standard input"));
      return NULL;
    }
  return g_string_free (text, FALSE);
}

gboolean
st_cli_read_at_file (StCli       *cli,
                     const char  *name,
                     char       **contents,
                     gsize       *length,
                     GError     **error)
{
  if (strcmp (name, "-") == 0)
    {
      if (cli->stdin_used)
        {
          g_set_error_literal (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                               _("Only one line can read its serials from the standard "
                                 "input (@-)"));
          return FALSE;
        }
      cli->stdin_used = TRUE;
      *contents = read_stdin (error);
      if (*contents == NULL)
        return FALSE;
      *length = strlen (*contents);
      return TRUE;
    }
  if (*name == '\0')
    {
      g_set_error_literal (error, ST_ERROR, ST_ERROR_INVALID_INPUT,
                           _("No file name follows “@”; use @FILE, or @- for the standard "
                             "input"));
      return FALSE;
    }
  return g_file_get_contents (name, contents, length, error);
}
