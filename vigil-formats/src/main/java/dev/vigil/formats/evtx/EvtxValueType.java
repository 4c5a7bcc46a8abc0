package dev.vigil.formats.evtx;

/**
 * BinXML substitution value type codes ([MS-EVEN6] 2.2.3 / libevtx "Value types"). A type ORed
 * with {@link #ARRAY_FLAG} is an array of that type; string arrays are NUL-separated.
 */
public final class EvtxValueType {
    public static final int NULL = 0x00;
    public static final int STRING = 0x01;
    public static final int ANSI_STRING = 0x02;
    public static final int INT8 = 0x03;
    public static final int UINT8 = 0x04;
    public static final int INT16 = 0x05;
    public static final int UINT16 = 0x06;
    public static final int INT32 = 0x07;
    public static final int UINT32 = 0x08;
    public static final int INT64 = 0x09;
    public static final int UINT64 = 0x0a;
    public static final int REAL32 = 0x0b;
    public static final int REAL64 = 0x0c;
    public static final int BOOL = 0x0d;
    public static final int BINARY = 0x0e;
    public static final int GUID = 0x0f;
    public static final int SIZE_T = 0x10;
    public static final int FILETIME = 0x11;
    public static final int SYSTEMTIME = 0x12;
    public static final int SID = 0x13;
    public static final int HEX_INT32 = 0x14;
    public static final int HEX_INT64 = 0x15;
    public static final int EVT_HANDLE = 0x20;
    public static final int BINXML = 0x21;
    public static final int EVT_XML = 0x23;
    public static final int ARRAY_FLAG = 0x80;

    private EvtxValueType() {}
}
