package sqli

// Protocols (SQ_PROTOCOLS) negotiates features right after login: the
// client offers a bitmap and the server answers with the one in force, each
// followed by SQ_EOT (SQLI.md §3.5; [W: S2 live; D: S3; B: S4, S10]). Use the
// server's answer to choose layouts (Features, SQLI.md §3.6).
//
// Layout: i16 tag, i16 n, n bitmap bytes, one pad byte when n is odd.
type Protocols struct {
	// Bitmap holds feature f in byte f/8 under mask 0x80>>(f%8) (see
	// HasFeature). Its length is capped by Limits().MaxBitmap on decode.
	// After Decode it aliases the Reader's buffer and is valid until the
	// Reader starts the next message.
	Bitmap []byte
}

// JDBCFeatureOffer returns the 9-byte bitmap IBM JDBC 15.0.1.3 offers,
// ff fc 7f fc 3c 8c aa 97 06: features 0–13, 17–29, 34–37, 40, 44, 45, 48,
// 50, 52, 54, 56, 59, 61–63, 69 and 70 (SQLI.md §3.5, §3.6; [W: S2 live; D:
// S3 identical]). Each call returns a new slice.
func JDBCFeatureOffer() []byte {
	return []byte{0xff, 0xfc, 0x7f, 0xfc, 0x3c, 0x8c, 0xaa, 0x97, 0x06}
}

// Features returns the layout-relevant features set in the bitmap.
func (m *Protocols) Features() Features { return FeaturesOf(m.Bitmap) }

// Tag returns TagProtocols.
func (*Protocols) Tag() Tag       { return TagProtocols }
func (*Protocols) clientMessage() {}
func (*Protocols) serverMessage() {}

// Encode appends the tag, the bitmap length, the bitmap and its pad.
func (m *Protocols) Encode(e *Encoder) {
	e.Tag(TagProtocols)
	e.Count(len(m.Bitmap), "SQ_PROTOCOLS bitmap length")
	e.Raw(m.Bitmap)
	e.Pad(len(m.Bitmap))
}

// Decode reads the bitmap, refusing a negative length or one over
// Limits().MaxBitmap.
func (m *Protocols) Decode(r *Reader) error {
	n := int64(r.Int16())
	m.Bitmap = r.PaddedBytes(n, r.Limits().MaxBitmap, "SQ_PROTOCOLS bitmap length")
	return r.Err()
}
