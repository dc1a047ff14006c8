package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
)

// machine describes where the benchmark ran.
type machine struct {
	cpu       string // model name
	cores     int    // logical CPUs
	memory    string
	os        string
	goVersion string
	ours      string // the go-informix source: commit, and whether it had changes
}

// probeMachine reads the machine's description from Linux's /proc and
// /etc/os-release, and the source's commit from git; what cannot be read
// is "unknown".
func probeMachine(root string) machine {
	m := machine{cpu: "unknown", cores: runtime.NumCPU(), memory: "unknown",
		os: runtime.GOOS + "/" + runtime.GOARCH, goVersion: runtime.Version(), ours: sourceVersion(root)}
	if v := fileField("/proc/cpuinfo", "model name", ':'); v != "" {
		m.cpu = v
	}
	if v := fileField("/proc/meminfo", "MemTotal", ':'); v != "" {
		m.memory = memText(v)
	}
	if v := fileField("/etc/os-release", "PRETTY_NAME", '='); v != "" {
		m.os = strings.Trim(v, `"`)
	}
	if b, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
		m.os += ", kernel " + strings.TrimSpace(string(b))
	}
	return m
}

// fileField returns the value of the first line of path whose key,
// before sep, is key; "" when there is none.
func fileField(path, key string, sep byte) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), string(sep))
		if ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// memText turns /proc/meminfo's "24596844 kB" into "23.5 GiB".
func memText(v string) string {
	f := strings.Fields(v)
	if len(f) != 2 || f[1] != "kB" {
		return v
	}
	kb, err := strconv.ParseFloat(f[0], 64)
	if err != nil {
		return v
	}
	return fmt.Sprintf("%.1f GiB", kb/(1<<20))
}

// sourceVersion names the commit of the source tree at root, noting
// uncommitted changes or untracked files, with read-only git commands.
func sourceVersion(root string) string {
	out, err := exec.Command("git", "-C", root, "rev-parse", "--short", "HEAD").Output()
	if err != nil {
		return "unknown commit (git rev-parse failed)"
	}
	v := "commit " + strings.TrimSpace(string(out))
	status, err := exec.Command("git", "-C", root, "status", "--porcelain").Output()
	if err == nil && len(strings.TrimSpace(string(status))) > 0 {
		v += " with uncommitted changes"
	}
	return v
}

// loadAverage returns the 1-minute load average from /proc/loadavg, or
// "unknown".
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	if f := strings.Fields(string(b)); len(f) > 0 {
		return f[0]
	}
	return "unknown"
}
