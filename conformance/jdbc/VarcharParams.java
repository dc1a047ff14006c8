import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The varchar_params scenario: JDBC's setters on parameters ifxtest
 * describes as VARCHAR(30), NVARCHAR(30), NCHAR(30) and LVARCHAR(100).
 * For a parameter described as VARCHAR, NVARCHAR or NCHAR, JDBC turns a
 * number or a timestamp into text itself and binds it with the described
 * type code (13, 16 or 15), which shows how those codes are framed; a
 * String it binds as CHAR, as everywhere. conformance/bind_test.go
 * (TestJDBCVarCharParams) reads the bytes from varchar_params.golden.
 */
final class VarcharParams {
    private VarcharParams() {
    }

    /** A JDBC setter call on parameter i. */
    interface Setter {
        void set(PreparedStatement ps, int i) throws SQLException;
    }

    /** One row: its id, the check name, the setter, the text read back, whether lv gets the setter. */
    static final class Row {
        final int id;
        final String check;
        final Setter setter;
        final String want;
        final boolean lvarchar;

        Row(int id, String check, Setter setter, String want, boolean lvarchar) {
            this.id = id;
            this.check = check;
            this.setter = setter;
            this.want = want;
            this.lvarchar = lvarchar;
        }

        /** The columns v, nv, nc and lv as getString must read them, joined with '|'. */
        String expected() {
            String nc = want == null ? null : String.format("%-" + NCHAR_LENGTH + "s", want);
            return want + "|" + want + "|" + nc + "|" + (lvarchar ? want : null);
        }
    }

    /** NCHAR(30) is read back blank-padded to 30 bytes (TYPES.md §5.9). */
    static final int NCHAR_LENGTH = 30;

    static final Timestamp TS = Timestamp.valueOf("2024-02-29 13:45:30");

    // The texts, by hand: the literal form of each number, which is also
    // what Informix stores when it converts such a number to a character
    // column itself. For setDouble and setTimestamp the text is JDBC's
    // own (Double.toString, Timestamp.toString: "2024-02-29 13:45:30.0",
    // where Informix's DATETIME YEAR TO FRACTION(5) text would be
    // "2024-02-29 13:45:30.00000"); the check holds the column to it and
    // TestJDBCVarCharParams to the text JDBC put on the wire. Width 30:
    // Timestamp.toString is 21 characters, more than a VARCHAR(20) holds.
    //
    // lv gets the same setter where JDBC binds it as LVARCHAR (43) or
    // DECIMAL, and NULL where it does not: setDouble on an LVARCHAR
    // parameter fails in JDBC (-79742 "Can't convert from : double"), and
    // setTimestamp binds DATETIME YEAR TO FRACTION(5) with the time of day
    // dropped (seen while writing this scenario; not checked here).
    static final Row[] ROWS = {
        new Row(1, "setInt", (ps, i) -> ps.setInt(i, 100), "100", true),
        new Row(2, "setLong", (ps, i) -> ps.setLong(i, 1234567890123L), "1234567890123", true),
        new Row(3, "setBigDecimal", (ps, i) -> ps.setBigDecimal(i, new BigDecimal("-123.45")), "-123.45", true),
        new Row(4, "setDouble", (ps, i) -> ps.setDouble(i, 1.5), "1.5", false),
        new Row(5, "setTimestamp", (ps, i) -> ps.setTimestamp(i, TS), TS.toString(), false),
        new Row(6, "setString", (ps, i) -> ps.setString(i, "text"), "text", true),
        new Row(7, "setNull", (ps, i) -> ps.setNull(i, Types.VARCHAR), null, true),
    };

    static void run(Scenarios s) throws SQLException {
        try (Connection c = s.open("testdb"); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE vp_t (id INTEGER, v VARCHAR(30), nv NVARCHAR(30), nc NCHAR(30),"
                    + " lv LVARCHAR(100))");
            Map<Integer, String> failed = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO vp_t VALUES (?, ?, ?, ?, ?)")) {
                for (Row r : ROWS) {
                    try {
                        insert(ps, r);
                    } catch (SQLException e) {
                        failed.put(r.id, "insert failed: " + Scenarios.describe(e));
                    }
                }
            }
            Map<Integer, String> read = readBack(st);
            for (Row r : ROWS) {
                String got = failed.getOrDefault(r.id, read.getOrDefault(r.id, "row not read back"));
                s.expectEqual(r.check, r.expected(), got);
            }
            s.expectEqual("where v = setInt", "1", whereInt(c, st));
        }
    }

    static void insert(PreparedStatement ps, Row r) throws SQLException {
        ps.setInt(1, r.id);
        for (int i = 2; i <= 4; i++) {
            r.setter.set(ps, i);
        }
        if (r.lvarchar) {
            r.setter.set(ps, 5);
        } else {
            ps.setNull(5, Types.LONGVARCHAR);
        }
        ps.executeUpdate();
    }

    /** Returns, per id, v, nv, nc and lv as getString reads them, joined with '|'. */
    static Map<Integer, String> readBack(Statement st) throws SQLException {
        Map<Integer, String> out = new LinkedHashMap<>();
        try (ResultSet rs = st.executeQuery("SELECT id, v, nv, nc, lv FROM vp_t ORDER BY id")) {
            while (rs.next()) {
                out.put(rs.getInt(1), rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4)
                        + "|" + rs.getString(5));
            }
        }
        return out;
    }

    /**
     * Returns the ids of vp_w whose v equals setInt(100), which JDBC binds
     * as the text '100' (type 13). vp_w holds only numbers written
     * plainly, so comparing as text or as numbers selects the same row.
     */
    static String whereInt(Connection c, Statement st) throws SQLException {
        st.execute("CREATE TABLE vp_w (id INTEGER, v VARCHAR(30))");
        st.execute("INSERT INTO vp_w VALUES (1, '100')");
        st.execute("INSERT INTO vp_w VALUES (2, '99')");
        st.execute("INSERT INTO vp_w VALUES (3, '1000')");
        StringBuilder sb = new StringBuilder();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM vp_w WHERE v = ? ORDER BY id")) {
            ps.setInt(1, 100);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sb.append(sb.length() == 0 ? "" : ",").append(rs.getInt(1));
                }
            }
        }
        return sb.toString();
    }
}
