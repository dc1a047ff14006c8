module github.com/go-informix/informix

go 1.26
