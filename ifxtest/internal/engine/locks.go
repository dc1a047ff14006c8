package engine

// lockKey names one row: the table's tabid and the row's SQLite rowid.
type lockKey struct{ tabid, rowid int64 }

// lockTable holds the exclusive row locks of one database: the rows that
// sessions inserted, updated or deleted inside a transaction not yet ended.
// Informix keeps such locks until COMMIT or ROLLBACK; another session that
// wants to change a locked row fails at once in lock mode NOT WAIT, or
// waits for the lock in mode WAIT [n] (SQLI.md §7.5, §7.7). It is guarded
// by the database lock.
type lockTable struct {
	owner   map[lockKey]int64          // row → session id
	held    map[int64]map[lockKey]bool // session id → its rows
	perTab  map[int64]map[int64]int    // tabid → session id → rows held
	release chan struct{}              // closed, then replaced, whenever locks are released
}

func newLockTable() *lockTable {
	return &lockTable{owner: map[lockKey]int64{}, held: map[int64]map[lockKey]bool{},
		perTab: map[int64]map[int64]int{}, release: make(chan struct{})}
}

// othersHold reports whether a session other than sess holds a lock in
// table tabid, so that a writer need only look for conflicts then.
func (lt *lockTable) othersHold(sess, tabid int64) bool {
	for id, n := range lt.perTab[tabid] {
		if id != sess && n > 0 {
			return true
		}
	}
	return false
}

// conflict returns whether any of the rows is locked by another session.
func (lt *lockTable) conflict(sess, tabid int64, rowids []int64) bool {
	if !lt.othersHold(sess, tabid) {
		return false
	}
	for _, r := range rowids {
		if o, ok := lt.owner[lockKey{tabid, r}]; ok && o != sess {
			return true
		}
	}
	return false
}

// lock records the rows as locked by sess.
func (lt *lockTable) lock(sess, tabid int64, rowids []int64) {
	if len(rowids) == 0 {
		return
	}
	h := lt.held[sess]
	if h == nil {
		h = map[lockKey]bool{}
		lt.held[sess] = h
	}
	pt := lt.perTab[tabid]
	if pt == nil {
		pt = map[int64]int{}
		lt.perTab[tabid] = pt
	}
	for _, r := range rowids {
		k := lockKey{tabid, r}
		if !h[k] {
			h[k] = true
			lt.owner[k] = sess
			pt[sess]++
		}
	}
}

// releaseAll frees every lock of sess and wakes the sessions waiting.
func (lt *lockTable) releaseAll(sess int64) {
	h := lt.held[sess]
	if len(h) == 0 {
		return
	}
	for k := range h {
		delete(lt.owner, k)
		if pt := lt.perTab[k.tabid]; pt != nil {
			delete(pt, sess)
			if len(pt) == 0 {
				delete(lt.perTab, k.tabid)
			}
		}
	}
	delete(lt.held, sess)
	close(lt.release)
	lt.release = make(chan struct{})
}

// dropTable forgets the locks in a table that no longer exists.
func (lt *lockTable) dropTable(tabid int64) {
	for sess := range lt.perTab[tabid] {
		for k := range lt.held[sess] {
			if k.tabid == tabid {
				delete(lt.held[sess], k)
				delete(lt.owner, k)
			}
		}
	}
	delete(lt.perTab, tabid)
}
