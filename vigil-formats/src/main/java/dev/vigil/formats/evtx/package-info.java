/**
 * Native reader for Windows XML Event Log (EVTX) files.
 *
 * <p>Entry point: {@link dev.vigil.formats.evtx.EvtxFile#open}. Records come out as
 * {@link dev.vigil.formats.evtx.EvtxRecord} holding an immutable
 * {@link dev.vigil.formats.evtx.EvtxElement} tree; {@link dev.vigil.formats.evtx.EvtxXml}
 * renders it as event XML for dumps. Damage is reported as
 * {@link dev.vigil.formats.evtx.EvtxDamage} through the listener in
 * {@link dev.vigil.formats.evtx.EvtxOptions}; only a file that is not EVTX at all throws
 * ({@link dev.vigil.formats.evtx.EvtxFormatException}).
 *
 * <p>Layout: a 4096-byte file header, then 64 KiB chunks, each with a 512-byte header and event
 * records holding BinXML (MS-EVEN6 2.2.3). Names and template definitions are chunk-relative,
 * which makes each chunk self-contained and decodable on its own thread.
 */
package dev.vigil.formats.evtx;
