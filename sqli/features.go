package sqli

// Feature numbers from the SQ_PROTOCOLS bitmap whose effect on the wire is
// known (SQLI.md §3.6). Feature f lives in bitmap byte f/8 under mask
// 0x80>>(f%8).
const (
	FeaturePAM         = 44 // the server may start a PAM exchange
	FeatureSavepoints  = 56 // savepoint messages allowed
	FeatureLongSQL     = 62 // SQLTEXT and the SQ_ERR offset use an int32
	FeatureExtDescribe = 63 // long column descriptors in SQ_DESCRIBE
	FeatureBigTuple    = 69 // SQ_DESCRIBE tuple size is an int32
	FeatureBigRowID    = 70 // SQ_DONE row count and row id are int64
)

// Features holds the negotiated features that change message layouts. Every
// width choice in this package depends only on these fields (SQLI.md §9).
type Features struct {
	LongSQL     bool // feature 62
	ExtDescribe bool // feature 63
	BigTuple    bool // feature 69
	BigRowID    bool // feature 70
}

// FeaturesOf reads the layout-relevant features out of a feature bitmap, as
// carried by the server's SQ_PROTOCOLS answer.
func FeaturesOf(bitmap []byte) Features {
	return Features{
		LongSQL:     HasFeature(bitmap, FeatureLongSQL),
		ExtDescribe: HasFeature(bitmap, FeatureExtDescribe),
		BigTuple:    HasFeature(bitmap, FeatureBigTuple),
		BigRowID:    HasFeature(bitmap, FeatureBigRowID),
	}
}

// HasFeature reports whether feature f is set in bitmap.
func HasFeature(bitmap []byte, f int) bool {
	if f < 0 || f/8 >= len(bitmap) {
		return false
	}
	return bitmap[f/8]&(0x80>>(f%8)) != 0
}

// SetFeature returns bitmap with feature f set, growing it as needed.
func SetFeature(bitmap []byte, f int) []byte {
	for len(bitmap) <= f/8 {
		bitmap = append(bitmap, 0)
	}
	bitmap[f/8] |= 0x80 >> (f % 8)
	return bitmap
}
