package engine

// lockKey names one row: the table's tabid and the row's SQLite rowid.
type lockKey struct{ tabid, rowid int64 }

// lockTable holds the row locks of one database until the transactions
// that took them end. Exclusive locks are taken on the rows a transaction
// inserts, updates or deletes; share locks on the rows a REPEATABLE READ
// transaction reads (isolation.go). Informix keeps both until COMMIT or
// ROLLBACK; a session that wants a row another holds fails at once in
// lock mode NOT WAIT, or waits for the lock in mode WAIT [n] (SQLI.md
// §7.5, §7.7) unless waiting would close a deadlock (waitfor.go). A
// writer conflicts with both kinds, a reader only with exclusive locks
// (IBM Guide to SQL: Syntax, SET TRANSACTION: another process is denied
// the update or delete of rows a Serializable or Repeatable Read
// transaction has read). It is guarded by the database lock, and so is
// its wait-for relation (waitfor.go).
type lockTable struct {
	excl, share lockSet
	release     chan struct{} // closed, then replaced, whenever locks are released
	// waits maps a session waiting for locks to the sessions that hold
	// them (waitfor.go).
	waits map[int64]sessionSet
}

// lockSet is one kind of row lock: the rows each session holds, and how
// many it holds in each table, so that a table no other session holds
// anything in is passed over without looking at its rows. Invariant: a
// session's per-table count is the number of its rows of that table.
type lockSet struct {
	rows   map[int64]map[lockKey]bool // session id → its rows
	perTab map[int64]map[int64]int    // tabid → session id → rows held
}

func newLockTable() *lockTable {
	return &lockTable{excl: newLockSet(), share: newLockSet(), release: make(chan struct{}),
		waits: map[int64]sessionSet{}}
}

func newLockSet() lockSet {
	return lockSet{rows: map[int64]map[lockKey]bool{}, perTab: map[int64]map[int64]int{}}
}

// othersHold reports whether a session other than sess holds a lock of
// this kind in table tabid.
func (ls *lockSet) othersHold(sess, tabid int64) bool {
	for id, n := range ls.perTab[tabid] {
		if id != sess && n > 0 {
			return true
		}
	}
	return false
}

// holders adds to into every session other than sess that holds row k.
func (ls *lockSet) holders(sess int64, k lockKey, into *sessionSet) {
	for id := range ls.perTab[k.tabid] {
		if id != sess && ls.rows[id][k] {
			into.add(id)
		}
	}
}

// tableHolders adds to into every session other than sess that holds a
// lock of this kind in table tabid.
func (ls *lockSet) tableHolders(sess, tabid int64, into *sessionSet) {
	for id, n := range ls.perTab[tabid] {
		if id != sess && n > 0 {
			into.add(id)
		}
	}
}

// add records the rows as held by sess.
func (ls *lockSet) add(sess, tabid int64, rowids []int64) {
	if len(rowids) == 0 {
		return
	}
	h := ls.rows[sess]
	if h == nil {
		h = map[lockKey]bool{}
		ls.rows[sess] = h
	}
	pt := ls.perTab[tabid]
	if pt == nil {
		pt = map[int64]int{}
		ls.perTab[tabid] = pt
	}
	for _, r := range rowids {
		k := lockKey{tabid, r}
		if !h[k] {
			h[k] = true
			pt[sess]++
		}
	}
}

// drop frees every row sess holds and reports whether there was any.
func (ls *lockSet) drop(sess int64) bool {
	h := ls.rows[sess]
	if len(h) == 0 {
		return false
	}
	for k := range h {
		if pt := ls.perTab[k.tabid]; pt != nil {
			delete(pt, sess)
			if len(pt) == 0 {
				delete(ls.perTab, k.tabid)
			}
		}
	}
	delete(ls.rows, sess)
	return true
}

// dropTable forgets the rows of a table that no longer exists.
func (ls *lockSet) dropTable(tabid int64) {
	for sess := range ls.perTab[tabid] {
		for k := range ls.rows[sess] {
			if k.tabid == tabid {
				delete(ls.rows[sess], k)
			}
		}
	}
	delete(ls.perTab, tabid)
}

// othersHold reports whether a session other than sess holds a lock of
// either kind in table tabid, so that a writer need only look for
// conflicts then.
func (lt *lockTable) othersHold(sess, tabid int64) bool {
	return lt.excl.othersHold(sess, tabid) || lt.share.othersHold(sess, tabid)
}

// blockers adds to into the sessions that keep a writer in session sess
// off the rows: the other sessions that hold one of them, exclusively or
// shared. It looks at no row when no other session holds a lock in the
// table, the common case, and adds nothing (allocates nothing) when
// nothing blocks.
func (lt *lockTable) blockers(sess, tabid int64, rowids []int64, into *sessionSet) {
	ex, sh := lt.excl.othersHold(sess, tabid), lt.share.othersHold(sess, tabid)
	if !ex && !sh {
		return
	}
	for _, r := range rowids {
		k := lockKey{tabid, r}
		if ex {
			lt.excl.holders(sess, k, into)
		}
		if sh {
			lt.share.holders(sess, k, into)
		}
	}
}

// lock records the rows as exclusively locked by sess.
func (lt *lockTable) lock(sess, tabid int64, rowids []int64) { lt.excl.add(sess, tabid, rowids) }

// releaseAll frees every lock of sess and wakes the sessions waiting,
// which no longer wait for sess (waitfor.go).
func (lt *lockTable) releaseAll(sess int64) {
	ex := lt.excl.drop(sess)
	if sh := lt.share.drop(sess); !ex && !sh {
		return
	}
	lt.forgetHolder(sess)
	close(lt.release)
	lt.release = make(chan struct{})
}

// dropTable forgets the locks in a table that no longer exists.
func (lt *lockTable) dropTable(tabid int64) {
	lt.excl.dropTable(tabid)
	lt.share.dropTable(tabid)
}
