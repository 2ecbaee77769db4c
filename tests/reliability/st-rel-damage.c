/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "st-rel-damage.h"
#include "st-rel-util.h"

static char *base_db;      /* sound, WAL mode */
static char *base_backup;  /* sound, rollback-journal mode (a backup) */
static GRand *rand_;

void
rel_damage_init (const char *dir,
                 GRand      *rand)
{
  rand_ = rand;
  base_db = g_build_filename (dir, "base.serialtrack", NULL);
  base_backup = g_build_filename (dir, "base-backup.serialtrack", NULL);
  g_free (rel_cli_ok (base_db, "init", NULL));
  g_free (rel_cli_ok (base_db, "warehouse", "add", "Main", NULL));
  g_free (rel_cli_ok (base_db, "contact", "add", "--vendor", "Acme", NULL));
  g_free (rel_cli_ok (base_db, "contact", "add", "--customer", "Bob", NULL));
  g_free (rel_cli_ok (base_db, "item", "add", "--sku", "PHONE", "--name", "Phone", "--serial",
                      "--price", "100", "--cost", "60", NULL));
  g_free (rel_cli_ok (base_db, "item", "add", "--sku", "CABLE", "--name", "Cable", NULL));
  g_free (rel_cli_ok (base_db, "bill", "post", "--vendor", "Acme", "--number", "B1",
                      "--warehouse", "Main", "--line", "PHONE:600:60:SN000001..SN000600",
                      "--line", "CABLE:50:1", NULL));
  g_free (rel_cli_ok (base_db, "invoice", "post", "--customer", "Bob", "--warehouse", "Main",
                      "--line", "PHONE:40", NULL));
  g_free (rel_cli_ok (base_db, "backup", base_backup, NULL));
}

static GByteArray *
read_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_byte_array_new_take ((guint8 *) g_steal_pointer (&contents), len);
}

static void
write_file (const char *path,
            GByteArray *data)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, (const char *) data->data, data->len, &error);
  g_assert_no_error (error);
}

static guint
page_size (GByteArray *data)
{
  guint size = (data->data[16] << 8) | data->data[17];

  return size == 1 ? 65536 : size;
}

/* The offset of b-tree page @pgno's type byte (page 1 has the file header first). */
static gsize
type_offset (guint size,
             guint pgno)
{
  return (gsize) (pgno - 1) * size + (pgno == 1 ? 100 : 0);
}

static gboolean
is_btree_type (guint8 type)
{
  return type == 2 || type == 5 || type == 10 || type == 13;
}

static gboolean
make_empty (const char *path)
{
  return g_file_set_contents (path, "", 0, NULL);
}

static gboolean
make_text (const char *path)
{
  return g_file_set_contents (path, "Shopping list\nmilk\nSN000001\n", -1, NULL);
}

static gboolean
make_other_sqlite (const char *path)
{
  sqlite3 *db = NULL;
  int rc;

  sqlite3_open (path, &db);
  rc = sqlite3_exec (db, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);"
                         "INSERT INTO notes (text) VALUES ('hello'), ('world');", NULL, NULL, NULL);
  sqlite3_close (db);
  return rc == SQLITE_OK;
}

/* The sound database copied to @path and @sql run on the copy, behind the store's back. */
static gboolean
copy_and_exec (const char *path,
               const char *sql)
{
  sqlite3 *db = NULL;
  int rc;

  rel_copy (base_db, path);
  sqlite3_open (path, &db);
  rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  sqlite3_close (db);
  return rc == SQLITE_OK;
}

static gboolean
make_newer (const char *path)
{
  return copy_and_exec (path, "PRAGMA user_version = 99");
}

static gboolean
truncate_to (const char *path,
             gsize       size)
{
  g_autoptr(GByteArray) data = read_file (base_db);

  g_assert_cmpuint (size, <, data->len);
  g_byte_array_set_size (data, size);
  write_file (path, data);
  return TRUE;
}

static gboolean
make_truncated_header (const char *path)
{
  return truncate_to (path, 50);
}

static gboolean
make_truncated_half (const char *path)
{
  g_autoptr(GByteArray) data = read_file (base_db);
  guint size = page_size (data);

  return truncate_to (path, data->len / size / 2 * size);
}

static gboolean
make_truncated_last_page (const char *path)
{
  g_autoptr(GByteArray) data = read_file (base_db);

  return truncate_to (path, data->len - page_size (data));
}

static gboolean
make_header_flipped (const char *path)
{
  g_autoptr(GByteArray) data = read_file (base_db);

  /* The page size. */
  data->data[16] ^= 0x5a;
  data->data[17] ^= 0xa5;
  write_file (path, data);
  return TRUE;
}

/* Flips the type byte of every @step-th b-tree page from page 2 on (at least one). */
static gboolean
flip_pages (const char *source,
            const char *path,
            guint       step,
            gboolean    last_leaf_only)
{
  g_autoptr(GByteArray) data = read_file (source);
  guint size = page_size (data);
  guint n_pages = data->len / size;
  guint flipped = 0, seen = 0;

  if (last_leaf_only)
    {
      for (guint p = n_pages; p >= 2 && flipped == 0; p--)
        if (data->data[type_offset (size, p)] == 13)
          {
            data->data[type_offset (size, p)] ^= 0xff;
            flipped++;
          }
    }
  else
    for (guint p = 2; p <= n_pages; p++)
      if (is_btree_type (data->data[type_offset (size, p)]) && seen++ % step == 0)
        {
          data->data[type_offset (size, p)] ^= 0xff;
          flipped++;
        }
  g_assert_cmpuint (flipped, >, 0);
  write_file (path, data);
  return TRUE;
}

static gboolean
make_pages_flipped (const char *path)
{
  return flip_pages (base_db, path, 5, FALSE);
}

static gboolean
make_leaf_flipped (const char *path)
{
  return flip_pages (base_db, path, 1, TRUE);
}

static gboolean
make_backup_damaged (const char *path)
{
  return flip_pages (base_backup, path, 1, TRUE);
}

/* One serial's key ("sn000123", case-folded) changed where it first stands: in a table or
 * an index, and no longer in the other. */
static gboolean
make_index_entry_flipped (const char *path)
{
  g_autoptr(GByteArray) data = read_file (base_db);
  const char *key = "sn000321";
  gsize len = strlen (key);

  for (gsize i = 0; i + len <= data->len; i++)
    if (memcmp (data->data + i, key, len) == 0)
      {
        data->data[i + len - 1] = '9';
        write_file (path, data);
        return TRUE;
      }
  return FALSE;
}

static gboolean
make_random_flips (const char *path)
{
  g_autoptr(GByteArray) data = read_file (base_db);
  guint size = page_size (data);

  for (guint i = 0; i < 32; i++)
    {
      guint offset = g_rand_int_range (rand_, size, data->len);
      data->data[offset] ^= 1 << g_rand_int_range (rand_, 0, 8);
    }
  write_file (path, data);
  return TRUE;
}

/* A file whose schema page was damaged where the integrity check does not look: a reference
 * of count_quantities names a column that is no key ("foreign key mismatch" for any statement
 * that checks it).  `check` must report it as a finding about the file. */
static gboolean
make_schema_reference (const char *path)
{
  return copy_and_exec (path, "PRAGMA writable_schema = ON;"
                              "UPDATE sqlite_schema SET sql = replace (sql,"
                              "  'REFERENCES counts (id)', 'REFERENCES counts (kd)')"
                              " WHERE name = 'count_quantities';"
                              "PRAGMA writable_schema = OFF;");
}

/* A sound file whose ledger was edited behind our back: a unit marked sold with no event. */
static gboolean
make_ledger_tampered (const char *path)
{
  return copy_and_exec (path, "UPDATE units SET status = 'sold' WHERE serial = 'SN000500'");
}

static const RelDamage variants[] = {
  { "empty", make_empty, FALSE },
  { "text", make_text, FALSE },
  { "other-sqlite", make_other_sqlite, FALSE },
  { "newer-serialtrack", make_newer, FALSE },
  { "truncated-header", make_truncated_header, FALSE },
  { "truncated-half", make_truncated_half, FALSE },
  { "truncated-last-page", make_truncated_last_page, FALSE },
  { "header-flipped", make_header_flipped, FALSE },
  { "pages-flipped", make_pages_flipped, FALSE },
  { "leaf-flipped", make_leaf_flipped, FALSE },
  { "index-entry-flipped", make_index_entry_flipped, FALSE },
  { "random-flips", make_random_flips, TRUE },
  { "backup-damaged", make_backup_damaged, FALSE },
  { "ledger-tampered", make_ledger_tampered, FALSE },
  { "schema-reference", make_schema_reference, FALSE },
};

const RelDamage *
rel_damage_variants (gsize *n)
{
  *n = G_N_ELEMENTS (variants);
  return variants;
}

const char *
rel_damage_base (void)
{
  return base_db;
}
