import com.informix.jdbc.IfxPreparedStatement;
import com.informix.jdbc.IfxResultSet;
import com.informix.jdbc.IfxStatement;
import com.informix.lang.Interval;
import com.informix.lang.IntervalDF;
import com.informix.lang.IntervalYM;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs one conformance scenario of go-informix with IBM's JDBC driver, used
 * as a black box through its public JDBC API only.
 *
 * <p>Usage: {@code java Scenarios SCENARIO JDBC_URL [TYPES_TSV]}. The URL names
 * the logged database testdb; the other databases a scenario needs (nologdb,
 * utf8db, nosuchdb) are reached by replacing that name. Every check prints one
 * JSON object on stdout: {"scenario":…,"check":…,"ok":…,"want":…,"got":…}. The
 * process exits 1 when any check failed and 2 when the scenario stopped on an
 * unexpected exception. Check names are the same as in python/scenarios.py, so
 * conformance_test.go knows which checks each scenario must report.
 */
public final class Scenarios {
    private final String scenario;
    private final String url;
    private final String typesFile;
    private boolean failed;

    private Scenarios(String scenario, String url, String typesFile) {
        this.scenario = scenario;
        this.url = url;
        this.typesFile = typesFile;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: Scenarios SCENARIO JDBC_URL [TYPES_TSV]");
            System.exit(64);
        }
        Scenarios s = new Scenarios(args[0], args[1], args.length > 2 ? args[2] : null);
        try {
            s.run();
        } catch (Exception e) {
            s.report("unexpected exception", false, "no exception", describe(e));
            e.printStackTrace();
            System.exit(2);
        }
        System.exit(s.failed ? 1 : 0);
    }

    private void run() throws Exception {
        switch (scenario) {
            case "connect": connect(); break;
            case "wrong_password": wrongPassword(); break;
            case "unknown_database": unknownDatabase(); break;
            case "ddl": Ddl.run(this); break;
            case "types": TypeScenario.run(this); break;
            case "big_select": bigSelect(); break;
            case "dml_counts": dmlCounts(); break;
            case "errors": errors(); break;
            case "transactions": transactions(); break;
            case "nolog": nolog(); break;
            case "batch": batch(); break;
            case "cancel": cancel(); break;
            case "varchar_params": VarcharParams.run(this); break;
            default: throw new IllegalArgumentException("unknown scenario " + scenario);
        }
    }

    // ---- reporting -------------------------------------------------------

    void report(String check, boolean ok, Object want, Object got) {
        if (!ok) {
            failed = true;
        }
        System.out.println("{\"scenario\":" + json(scenario) + ",\"check\":" + json(check)
                + ",\"ok\":" + ok + ",\"want\":" + json(String.valueOf(want))
                + ",\"got\":" + json(String.valueOf(got)) + "}");
        System.out.flush();
    }

    void expectEqual(String check, Object want, Object got) {
        report(check, Objects.equals(want, got), want, got);
    }

    /** Reports whether action threw an SQLException whose code is in codes. */
    void expectError(String check, SqlAction action, int... codes) {
        String want = "SQLException with code " + codesText(codes);
        try {
            action.run();
            report(check, false, want, "no exception");
        } catch (SQLException e) {
            boolean ok = false;
            for (int c : codes) {
                ok |= e.getErrorCode() == c;
            }
            report(check, ok, want, describe(e));
        }
    }

    /**
     * Reports the SQLCODE and the ISAM code. IBM JDBC carries the ISAM error as
     * a second SQLException chained to the first (as its next exception or its
     * cause); its error code is the ISAM code.
     */
    void expectIsam(String check, SqlAction action, int sqlcode, int isam) {
        String want = "SQLException " + sqlcode + " with ISAM " + isam;
        try {
            action.run();
            report(check, false, want, "no exception");
        } catch (SQLException e) {
            Throwable next = e.getNextException() != null ? e.getNextException() : e.getCause();
            int got = next instanceof SQLException ? ((SQLException) next).getErrorCode() : 0;
            report(check, e.getErrorCode() == sqlcode && got == isam, want, describe(e));
        }
    }

    static String codesText(int[] codes) {
        StringBuilder sb = new StringBuilder();
        for (int c : codes) {
            sb.append(sb.length() == 0 ? "" : " or ").append(c);
        }
        return sb.toString();
    }

    /** Describes an exception and the chain of SQLExceptions after it. */
    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; ) {
            sb.append(sb.length() == 0 ? "" : " / next: ").append(t.getClass().getSimpleName());
            Throwable next = t.getCause();
            if (t instanceof SQLException) {
                SQLException q = (SQLException) t;
                sb.append(" code=").append(q.getErrorCode()).append(" state=").append(q.getSQLState());
                if (q.getNextException() != null) {
                    next = q.getNextException();
                }
            }
            sb.append(": ").append(firstLine(t.getMessage()));
            t = next == t ? null : next;
        }
        return sb.toString();
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }

    static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.append('"').toString();
    }

    interface SqlAction {
        void run() throws SQLException;
    }

    // ---- connections ------------------------------------------------------

    /** Returns the URL with the database testdb replaced by db. */
    String urlFor(String db) {
        String u = url.replaceFirst("/testdb:", "/" + db + ":");
        if (db.equals("utf8db")) {
            u += ";DB_LOCALE=en_US.utf8;CLIENT_LOCALE=en_US.utf8";
        }
        return u;
    }

    Connection open(String db) throws SQLException {
        return DriverManager.getConnection(urlFor(db));
    }

    static int queryInt(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next()) {
                throw new SQLException("no row from " + sql);
            }
            return rs.getInt(1);
        }
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    // ---- scenarios ---------------------------------------------------------

    private void connect() throws SQLException {
        try (Connection c = open("testdb")) {
            expectEqual("select 1", 1, queryInt(c, "SELECT 1 FROM systables WHERE tabid = 1"));
            expectEqual("autocommit on a logged database", true, c.getAutoCommit());
        }
    }

    private void wrongPassword() {
        // -951: user unknown or password wrong; -952: password wrong (IBM error catalogue).
        expectError("login refused", () -> DriverManager.getConnection(url.replaceFirst(
                "password=[^;]*", "password=wrong-password")).close(), -951, -952);
    }

    private void unknownDatabase() {
        expectError("database not found", () -> open("nosuchdb").close(), -329);
    }

    private void bigSelect() throws SQLException {
        try (Connection c = open("testdb"); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE big_digits (d INTEGER)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO big_digits VALUES (?)")) {
                for (int d = 0; d < 10; d++) {
                    ps.setInt(1, d);
                    ps.executeUpdate();
                }
            }
            st.execute("CREATE TABLE big_rows (n INTEGER, label VARCHAR(20))");
            String n = "a.d * 10000 + b.d * 1000 + e.d * 100 + f.d * 10 + g.d";
            int inserted = st.executeUpdate("INSERT INTO big_rows SELECT " + n + ", 'row ' || (" + n + ")"
                    + " FROM big_digits a, big_digits b, big_digits e, big_digits f, big_digits g");
            expectEqual("insert 100000 rows", 100000, inserted);
            long count = 0, sum = 0;
            boolean ordered = true, labels = true;
            try (ResultSet rs = st.executeQuery("SELECT n, label FROM big_rows ORDER BY n")) {
                while (rs.next()) {
                    int v = rs.getInt(1);
                    ordered &= v == count;
                    labels &= ("row " + v).equals(rs.getString(2));
                    count++;
                    sum += v;
                }
            }
            expectEqual("row count", 100000L, count);
            expectEqual("sum of n", 4999950000L, sum);
            expectEqual("rows in order", true, ordered);
            expectEqual("labels", true, labels);
        }
    }

    private void dmlCounts() throws SQLException {
        try (Connection c = open("testdb"); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE dml_rows (id SERIAL, grp INTEGER, note VARCHAR(20))");
            st.execute("CREATE TABLE dml_s8 (id SERIAL8, note VARCHAR(20))");
            st.execute("CREATE TABLE dml_bs (id BIGSERIAL, note VARCHAR(20))");
            for (int i = 1; i <= 5; i++) {
                st.executeUpdate("INSERT INTO dml_rows (grp, note) VALUES (" + (i % 2) + ", 'r" + i + "')");
            }
            expectEqual("serial of fifth insert", 5, ((IfxStatement) st).getSerial());
            st.executeUpdate("INSERT INTO dml_rows (id, grp, note) VALUES (100, 9, 'explicit')");
            st.executeUpdate("INSERT INTO dml_rows (grp, note) VALUES (9, 'after explicit')");
            expectEqual("serial after explicit 100", 101, ((IfxStatement) st).getSerial());
            st.executeUpdate("INSERT INTO dml_s8 (note) VALUES ('a')");
            st.executeUpdate("INSERT INTO dml_s8 (note) VALUES ('b')");
            expectEqual("serial8 of second insert", 2L, ((IfxStatement) st).getSerial8());
            st.executeUpdate("INSERT INTO dml_bs (id, note) VALUES (41, 'a')");
            st.executeUpdate("INSERT INTO dml_bs (note) VALUES ('b')");
            expectEqual("bigserial after explicit 41", 42L, ((IfxStatement) st).getBigSerial());
            generatedKeys(c);
            expectEqual("update count", 3, st.executeUpdate("UPDATE dml_rows SET note = 'odd' WHERE grp = 1"));
            expectEqual("update no rows", 0, st.executeUpdate("UPDATE dml_rows SET note = 'x' WHERE grp = 7"));
            expectEqual("delete count", 2, st.executeUpdate("DELETE FROM dml_rows WHERE grp = 0"));
            expectEqual("rows left", 6, queryInt(c, "SELECT COUNT(*) FROM dml_rows"));
        }
    }

    private void generatedKeys(Connection c) throws SQLException {
        generatedKey(c, "generated key", "INSERT INTO dml_rows (grp, note) VALUES (3, ?)", 102L);
        generatedKey(c, "generated key serial8", "INSERT INTO dml_s8 (note) VALUES (?)", 3L);
        generatedKey(c, "generated key bigserial", "INSERT INTO dml_bs (note) VALUES (?)", 43L);
    }

    // generatedKey runs an INSERT prepared with RETURN_GENERATED_KEYS and
    // checks the one key getGeneratedKeys returns.
    private void generatedKey(Connection c, String check, String sql, long want) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, "keys");
            ps.executeUpdate();
            Object got = "no generated key row";
            try (ResultSet rs = ps.getGeneratedKeys()) {
                if (rs.next()) {
                    got = rs.getLong(1);
                }
            }
            expectEqual(check, want, got);
        }
    }

    private void errors() throws SQLException {
        try (Connection c = open("testdb"); Statement st = c.createStatement()) {
            // A constraint, not a unique index: a logged database reports a
            // violated unique or primary-key constraint as -268 (IBM; 4Js's
            // migration notes: -239 only without logging).
            st.execute("CREATE TABLE err_t (id INTEGER, v VARCHAR(10) NOT NULL, PRIMARY KEY (id))");
            st.execute("INSERT INTO err_t VALUES (1, 'one')");
            expectError("syntax error", () -> st.execute("SELEC id FROM err_t"), -201);
            expectError("no such table", () -> st.executeQuery("SELECT * FROM no_such_table").close(), -206);
            expectIsam("unique violation", () -> st.execute("INSERT INTO err_t VALUES (1, 'again')"), -268, -100);
            expectError("null into not null", () -> st.execute("INSERT INTO err_t (id) VALUES (2)"), -391);
            expectEqual("usable after errors", 1, queryInt(c, "SELECT COUNT(*) FROM err_t"));
        }
    }

    private void transactions() throws SQLException {
        try (Connection c = open("testdb"); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE tx_t (id INTEGER)");
            c.setAutoCommit(false);
            st.execute("INSERT INTO tx_t VALUES (1)");
            c.rollback();
            expectEqual("rollback discards", 0, queryInt(c, "SELECT COUNT(*) FROM tx_t"));
            st.execute("INSERT INTO tx_t VALUES (2)");
            c.commit();
            expectEqual("commit keeps", 1, queryInt(c, "SELECT COUNT(*) FROM tx_t"));
            st.execute("INSERT INTO tx_t VALUES (3)");
            Savepoint sp = c.setSavepoint("sp1");
            st.execute("INSERT INTO tx_t VALUES (4)");
            c.rollback(sp);
            c.commit();
            expectEqual("rollback to savepoint", 5, queryInt(c, "SELECT SUM(id) FROM tx_t"));
            c.setAutoCommit(true);
        }
        try (Connection other = open("testdb")) {
            expectEqual("committed rows seen by another session", 2,
                    queryInt(other, "SELECT COUNT(*) FROM tx_t"));
        }
    }

    private void nolog() throws SQLException {
        try (Connection c = open("nologdb"); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE nl_t (id INTEGER)");
            st.execute("INSERT INTO nl_t VALUES (1)");
            expectEqual("autocommit insert and select", 1, queryInt(c, "SELECT COUNT(*) FROM nl_t"));
            // -79744: "Transactions not supported" (IBM JDBC error catalogue).
            expectError("begin transaction refused", () -> c.setAutoCommit(false), -79744);
            expectError("begin work refused", () -> st.execute("BEGIN WORK"), -256);
            expectEqual("usable after refusal", 1, queryInt(c, "SELECT COUNT(*) FROM nl_t"));
        }
    }

    private void batch() throws SQLException {
        try (Connection c = open("testdb"); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE batch_t (id INTEGER, v VARCHAR(20))");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO batch_t VALUES (?, ?)")) {
                for (int i = 0; i < 1000; i++) {
                    ps.setInt(1, i);
                    ps.setString(2, "v" + i);
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                int total = 0;
                boolean eachOne = counts.length == 1000;
                for (int n : counts) {
                    total += n;
                    eachOne &= n == 1;
                }
                expectEqual("batch update counts", "1000 counts of 1", eachOne ? "1000 counts of 1"
                        : counts.length + " counts summing to " + total);
            }
            expectEqual("rows inserted", 1000, queryInt(c, "SELECT COUNT(*) FROM batch_t"));
            expectEqual("sum of ids", 499500, queryInt(c, "SELECT SUM(id) FROM batch_t"));
        }
    }

    private void cancel() throws Exception {
        try (Connection c = open("testdb"); Statement st = c.createStatement()) {
            final SQLException[] caught = new SQLException[1];
            Thread worker = new Thread(() -> {
                try {
                    st.execute("EXECUTE PROCEDURE ifxtest_sleep(5)");
                } catch (SQLException e) {
                    caught[0] = e;
                }
            });
            long start = System.nanoTime();
            worker.start();
            Thread.sleep(1000);
            st.cancel();
            worker.join(10000);
            long ms = (System.nanoTime() - start) / 1000000;
            SQLException e = caught[0];
            report("interrupted", e != null && e.getErrorCode() == -213, "SQLException -213",
                    e == null ? "no exception" : describe(e));
            report("interrupt is prompt", ms < 4000, "under 4000 ms", ms + " ms");
            expectEqual("usable after interrupt", 1, queryInt(c, "SELECT 1 FROM systables WHERE tabid = 1"));
        }
    }

    // ---- DDL ----------------------------------------------------------------

    /** The ddl scenario: one table with every scalar type, its catalog entries, an index, a drop. */
    static final class Ddl {
        // Column, SQL type, syscolumns.coltype, syscolumns.collength. The codes are
        // TYPES.md §1.1 (base code, +256 for NOT NULL: §1.2; SERIAL types are NOT
        // NULL); the lengths follow TYPES.md §2.1, computed by hand:
        // DECIMAL(5,2) = 5*256+2 = 1282; DECIMAL(16) = 16*256+255 = 4351;
        // MONEY(16,2) = 16*256+2 = 4098; DATETIME YEAR TO SECOND = 14*256 + 0*16 + 10
        // = 3594; INTERVAL DAY(9) TO FRACTION(5) = (9+11)*256 + 4*16 + 15 = 5199;
        // INTERVAL YEAR(9) TO MONTH = (9+2)*256 + 0 + 2 = 2818; VARCHAR(255,10) =
        // 10*256+255 = 2815. LVARCHAR and BOOLEAN are stored in the catalog as
        // 40 and 41 (TYPES.md §1.1 [H]).
        static final String[][] COLUMNS = {
            {"c_smallint", "SMALLINT", "1", "2"},
            {"c_integer", "INTEGER", "2", "4"},
            {"c_int8", "INT8", "17", "10"},
            {"c_bigint", "BIGINT", "52", "8"},
            {"c_serial", "SERIAL", "262", "4"},
            {"c_smallfloat", "SMALLFLOAT", "4", "4"},
            {"c_float", "FLOAT", "3", "8"},
            {"c_decimal", "DECIMAL(5,2)", "5", "1282"},
            {"c_decfloat", "DECIMAL(16)", "5", "4351"},
            {"c_money", "MONEY(16,2)", "8", "4098"},
            {"c_date", "DATE", "7", "4"},
            {"c_datetime", "DATETIME YEAR TO SECOND", "10", "3594"},
            {"c_interval_df", "INTERVAL DAY(9) TO FRACTION(5)", "14", "5199"},
            {"c_interval_ym", "INTERVAL YEAR(9) TO MONTH", "14", "2818"},
            {"c_char", "CHAR(10)", "0", "10"},
            {"c_nchar", "NCHAR(10)", "15", "10"},
            {"c_varchar", "VARCHAR(255,10)", "13", "2815"},
            {"c_nvarchar", "NVARCHAR(100)", "16", "100"},
            {"c_lvarchar", "LVARCHAR(32000)", "40", "32000"},
            {"c_boolean", "BOOLEAN", "41", "1"},
            {"c_notnull", "INTEGER NOT NULL", "258", "4"},
        };

        static void run(Scenarios s) throws SQLException {
            try (Connection c = s.open("testdb"); Statement st = c.createStatement()) {
                StringBuilder sql = new StringBuilder("CREATE TABLE ddl_all (");
                for (int i = 0; i < COLUMNS.length; i++) {
                    sql.append(i == 0 ? "" : ", ").append(COLUMNS[i][0]).append(' ').append(COLUMNS[i][1]);
                }
                st.execute(sql.append(")").toString());
                s.report("create table", true, "created", "created");
                st.execute("CREATE TABLE ddl_s8 (c_serial8 SERIAL8)");
                st.execute("CREATE TABLE ddl_bs (c_bigserial BIGSERIAL)");
                Map<String, String> got = catalog(c, "ddl_all");
                got.putAll(catalog(c, "ddl_s8"));
                got.putAll(catalog(c, "ddl_bs"));
                for (String[] col : COLUMNS) {
                    s.expectEqual("column " + col[0], col[2] + "/" + col[3], got.get(col[0]));
                }
                s.expectEqual("column c_serial8", "274/10", got.get("c_serial8"));
                s.expectEqual("column c_bigserial", "309/8", got.get("c_bigserial"));
                st.execute("CREATE UNIQUE INDEX ddl_all_ix ON ddl_all (c_integer, c_char)");
                s.expectEqual("unique index in sysindexes", 1, queryInt(c,
                        "SELECT COUNT(*) FROM sysindexes WHERE idxname = 'ddl_all_ix' AND idxtype = 'U'"));
                st.execute("DROP TABLE ddl_all");
                s.expectError("dropped table is gone", () -> st.executeQuery("SELECT * FROM ddl_all").close(), -206);
            }
        }

        static Map<String, String> catalog(Connection c, String table) throws SQLException {
            Map<String, String> m = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT c.colname, c.coltype, c.collength"
                    + " FROM syscolumns c, systables t WHERE t.tabname = ? AND c.tabid = t.tabid ORDER BY c.colno")) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        m.put(rs.getString(1).trim(), rs.getInt(2) + "/" + rs.getInt(3));
                    }
                }
            }
            return m;
        }
    }

    // ---- every scalar type ---------------------------------------------------

    /** One row of testdata/types.tsv. */
    static final class Case {
        int id;
        String db, table, type, value, expect;
    }

    /** The types scenario: insert every value of types.tsv, then select it back. */
    static final class TypeScenario {
        /**
         * Runs each table on a connection of its own, so that a failure that
         * leaves the connection unusable costs only that table's checks.
         */
        static void run(Scenarios s) throws Exception {
            Map<String, List<Case>> tables = new LinkedHashMap<>();
            for (Case k : load(s.typesFile)) {
                tables.computeIfAbsent(k.table, t -> new ArrayList<>()).add(k);
            }
            for (List<Case> group : tables.values()) {
                try (Connection c = s.open(group.get(0).db)) {
                    table(s, c, group);
                }
            }
        }

        static void table(Scenarios s, Connection c, List<Case> group) throws Exception {
            Case first = group.get(0);
            try {
                exec(c, "CREATE TABLE " + first.table + " (id INTEGER, v " + first.type + ")");
                s.report("create " + first.table, true, "created", "created");
            } catch (SQLException e) {
                s.report("create " + first.table, false, "created", describe(e));
                return;
            }
            Map<Integer, String> inserted = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + first.table + " VALUES (?, ?)")) {
                for (Case k : group) {
                    try {
                        ps.setInt(1, k.id);
                        bind(ps, k);
                        ps.executeUpdate();
                        inserted.put(k.id, null);
                    } catch (SQLException e) {
                        inserted.put(k.id, "insert failed: " + describe(e));
                    }
                }
            }
            Map<Integer, String> read = new LinkedHashMap<>();
            // read becomes null when the select failed; its check is then already reported.
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT id, v FROM " + first.table + " ORDER BY id")) {
                while (rs.next()) {
                    read.put(rs.getInt(1), null);
                    for (Case k : group) {
                        if (k.id == rs.getInt(1)) {
                            read.put(k.id, compare(rs, k, c));
                        }
                    }
                }
            } catch (SQLException e) {
                s.report("rows " + first.table, false, group.size() + " rows", describe(e));
                read = null;
            }
            for (Case k : group) {
                String err = inserted.get(k.id);
                if (err == null && (read == null || !read.containsKey(k.id))) {
                    err = "row not read back";
                } else if (err == null) {
                    err = read.get(k.id);
                }
                s.report("case " + k.id, err == null, k.type + " " + shortText(k.expect), err == null ? "equal" : err);
            }
            if (read != null) {
                s.expectEqual("rows " + first.table, group.size(), read.size());
            }
        }

        static List<Case> load(String path) throws Exception {
            List<Case> out = new ArrayList<>();
            for (String line : Files.readAllLines(Paths.get(path), StandardCharsets.UTF_8)) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                Case k = new Case();
                k.id = Integer.parseInt(f[0]);
                k.db = f[1];
                k.table = f[2];
                k.type = f[3];
                k.value = expand(f[4]);
                k.expect = f.length > 5 ? expandExpect(f[5], k) : k.value;
                out.add(k);
            }
            return out;
        }

        static String expand(String v) {
            if (v.equals("@empty")) {
                return "";
            }
            if (v.startsWith("@repeat(")) {
                int comma = v.indexOf(',');
                int n = Integer.parseInt(v.substring(8, comma));
                return v.substring(comma + 1, v.length() - 1).repeat(n);
            }
            return v;
        }

        static String expandExpect(String e, Case k) {
            if (!e.startsWith("@pad(")) {
                return expand(e);
            }
            int n = Integer.parseInt(e.substring(5, e.length() - 1));
            Charset cs = k.db.equals("utf8db") ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
            return k.value + " ".repeat(n - k.value.getBytes(cs).length);
        }

        static String shortText(String v) {
            return v == null ? "NULL" : v.length() > 40 ? v.substring(0, 40) + "…(" + v.length() + " chars)" : v;
        }

        static String kind(String type) {
            String t = type.toUpperCase();
            if (t.startsWith("DATETIME")) {
                if (t.endsWith("YEAR TO DAY")) {
                    return "date";
                }
                if (t.startsWith("DATETIME YEAR")) {
                    return "timestamp";
                }
                if (t.startsWith("DATETIME HOUR")) {
                    return "time";
                }
                return "string";
            }
            if (t.startsWith("INTERVAL")) {
                return t.contains("TO MONTH") || t.endsWith("TO YEAR") ? "intervalym" : "intervaldf";
            }
            if (t.startsWith("DECIMAL") || t.startsWith("MONEY")) {
                return "decimal";
            }
            if (t.contains("CHAR")) {
                return "string";
            }
            switch (t) {
                case "SMALLINT": return "short";
                case "INTEGER": case "SERIAL": return "int";
                case "INT8": case "BIGINT": case "SERIAL8": case "BIGSERIAL": return "long";
                case "SMALLFLOAT": return "float";
                case "FLOAT": return "double";
                case "DATE": return "date";
                case "BOOLEAN": return "boolean";
                default: throw new IllegalArgumentException("no JDBC mapping for " + type);
            }
        }

        static int sqlType(String kind) {
            switch (kind) {
                case "short": return Types.SMALLINT;
                case "int": return Types.INTEGER;
                case "long": return Types.BIGINT;
                case "float": return Types.REAL;
                case "double": return Types.DOUBLE;
                case "decimal": return Types.DECIMAL;
                case "date": return Types.DATE;
                case "timestamp": return Types.TIMESTAMP;
                case "time": return Types.TIME;
                case "boolean": return Types.BOOLEAN;
                                default: return Types.VARCHAR;
            }
        }

        static void bind(PreparedStatement ps, Case k) throws SQLException {
            String kind = kind(k.type);
            String v = k.value;
            if (v.equals("NULL")) {
                ps.setNull(2, sqlType(kind));
                return;
            }
            switch (kind) {
                case "short": ps.setShort(2, Short.parseShort(v)); break;
                case "int": ps.setInt(2, Integer.parseInt(v)); break;
                case "long": ps.setLong(2, Long.parseLong(v)); break;
                case "float": ps.setFloat(2, Float.parseFloat(v)); break;
                case "double": ps.setDouble(2, Double.parseDouble(v)); break;
                case "decimal": ps.setBigDecimal(2, new BigDecimal(v)); break;
                case "date": ps.setDate(2, java.sql.Date.valueOf(v)); break;
                case "timestamp": ps.setTimestamp(2, timestamp(v)); break;
                case "time": ps.setTime(2, time(v)); break;
                case "boolean": ps.setBoolean(2, v.equals("t")); break;
                case "intervalym": ps.unwrap(IfxPreparedStatement.class).setIntervalYM(2, intervalYM(v, k.type)); break;
                case "intervaldf": ps.unwrap(IfxPreparedStatement.class).setIntervalDF(2, intervalDF(v, k.type)); break;
                default: ps.setString(2, v);
            }
        }

        /** Returns null when the column value equals the case's expectation, else what differs. */
        static String compare(ResultSet rs, Case k, Connection c) throws SQLException {
            String kind = kind(k.type);
            Object got = rs.getObject(2);
            if (k.expect.equals("NULL")) {
                return got == null && rs.wasNull() ? null : "want NULL, got " + got;
            }
            if (got == null) {
                return "want " + shortText(k.expect) + ", got NULL";
            }
            String e = k.expect;
            switch (kind) {
                case "short": return same(Short.parseShort(e), rs.getShort(2));
                case "int": return same(Integer.parseInt(e), rs.getInt(2));
                case "long": return same(Long.parseLong(e), rs.getLong(2));
                case "float": {
                    float g = rs.getFloat(2);
                    return Float.compare(Float.parseFloat(e), g) == 0 ? null : "want " + e + ", got " + g;
                }
                case "double": {
                    double g = rs.getDouble(2);
                    return Double.compare(Double.parseDouble(e), g) == 0 ? null : "want " + e + ", got " + g;
                }
                case "decimal": return decimal(rs.getBigDecimal(2), new BigDecimal(e), k.type);
                case "date": return same(java.sql.Date.valueOf(e).toString(), rs.getDate(2).toString());
                case "timestamp": return same(timestamp(e), rs.getTimestamp(2));
                case "time": return same(time(e).toString(), rs.getTime(2).toString());
                case "boolean": return same(e.equals("t"), rs.getBoolean(2));
                case "intervalym": {
                    IntervalYM g = rs.unwrap(IfxResultSet.class).getIntervalYM(2);
                    return intervalYM(e, k.type).getMonths() == g.getMonths() ? null : "want " + e + ", got " + g;
                }
                case "intervaldf": {
                    IntervalDF w = intervalDF(e, k.type);
                    IntervalDF g = rs.unwrap(IfxResultSet.class).getIntervalDF(2);
                    return w.getSeconds() == g.getSeconds() && w.getNanoSeconds() == g.getNanoSeconds()
                            ? null : "want " + e + ", got " + g;
                }
                default: return same(e, rs.getString(2));
            }
        }

        static String same(Object want, Object got) {
            return Objects.equals(want, got) ? null : "want " + shortText(String.valueOf(want))
                    + ", got " + shortText(String.valueOf(got));
        }

        /** Compares by value, and for a fixed-scale column also the scale JDBC reports. */
        static String decimal(BigDecimal got, BigDecimal want, String type) {
            if (want.compareTo(got) != 0) {
                return "want " + want.toPlainString() + ", got " + got.toPlainString();
            }
            int comma = type.indexOf(',');
            if (comma > 0) {
                int scale = Integer.parseInt(type.substring(comma + 1, type.indexOf(')')));
                if (got.scale() != scale) {
                    return "value equal, but scale " + got.scale() + " where the column has " + scale;
                }
            }
            return null;
        }

        static Timestamp timestamp(String v) {
            if (v.length() == 16) {
                v += ":00";
            }
            return Timestamp.valueOf(v);
        }

        static java.sql.Time time(String v) {
            return java.sql.Time.valueOf(v.length() == 5 ? v + ":00" : v);
        }

        static IntervalYM intervalYM(String v, String type) throws SQLException {
            byte[] q = qualifier(type);
            return new IntervalYM(v, q[0], q[1], q[2]);
        }

        static IntervalDF intervalDF(String v, String type) throws SQLException {
            byte[] q = qualifier(type);
            return new IntervalDF(v, q[0], q[1], q[2]);
        }

        /** Parses "INTERVAL START[(n)] TO END[(f)]" into leading precision, start and end codes. */
        static byte[] qualifier(String type) {
            String[] parts = type.toUpperCase().substring("INTERVAL ".length()).split(" TO ");
            String start = parts[0];
            int len = 2;
            int paren = start.indexOf('(');
            if (paren > 0) {
                len = Integer.parseInt(start.substring(paren + 1, start.length() - 1));
                start = start.substring(0, paren);
            }
            return new byte[] {(byte) len, unit(start), unit(parts[1])};
        }

        static byte unit(String u) {
            switch (u) {
                case "YEAR": return Interval.TU_YEAR;
                case "MONTH": return Interval.TU_MONTH;
                case "DAY": return Interval.TU_DAY;
                case "HOUR": return Interval.TU_HOUR;
                case "MINUTE": return Interval.TU_MINUTE;
                case "SECOND": return Interval.TU_SECOND;
                case "FRACTION(1)": return Interval.TU_F1;
                case "FRACTION(2)": return Interval.TU_F2;
                case "FRACTION(3)": return Interval.TU_F3;
                case "FRACTION(4)": return Interval.TU_F4;
                case "FRACTION(5)": return Interval.TU_F5;
                default: throw new IllegalArgumentException("unknown time unit " + u);
            }
        }
    }
}
