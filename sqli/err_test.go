package sqli

import "testing"

func TestErrorResponseRoundTrip(t *testing.T) {
	for name, f := range featureSets {
		t.Run(name, func(t *testing.T) {
			roundTrip(t, &ErrorResponse{SQLCode: -206, Offset: 14, Message: "nosuchtable"}, f)
			roundTrip(t, &ErrorResponse{SQLCode: -268, ISAMCode: -100, Message: "u101_1"}, f)
			roundTrip(t, &ErrorResponse{SQLCode: 100}, f)
			roundTrip(t, &ErrorResponse{SQLCode: -368}, f)
		})
	}
	roundTrip(t, &ErrorResponse{SQLCode: -201, Offset: 70000, Message: "FROM"}, Features{LongSQL: true})
}

// TestErrorResponseNoMessage checks that -368 carries no sqlerrm field [J: S2]:
// its encoding ends right after the offset.
func TestErrorResponseNoMessage(t *testing.T) {
	b := mustEncode(t, &ErrorResponse{SQLCode: -368, Message: "dropped"}, Features{})
	if len(b) != 2+2+2+2 {
		t.Fatalf("SQ_ERR -368 is %d bytes: % x", len(b), b)
	}
}

func TestErrorResponseOffsetNeedsFeature62(t *testing.T) {
	if _, err := Encode(&ErrorResponse{SQLCode: -201, Offset: 70000}, Features{}); err == nil {
		t.Fatal("offset 70000 encoded into an int16")
	}
}
