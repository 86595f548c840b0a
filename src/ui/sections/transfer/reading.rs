//! Reading a picked plan file a piece at a time, giving the page a turn between
//! pieces: the user sees how far it got and can cancel, and a 100 MB file no
//! longer freezes the tab for two seconds. The pieces come from the browser's
//! buffer of the file, so no copy of the whole file is made either.

use crate::browser::files::FileBuffer;
use crate::browser::timing;
use crate::plan_file::{read_plan_bytes, Imported, Mode, PieceReader, Problem};

/// Bytes handed to the reader at a time (about 10 ms of reading).
const PIECE_BYTES: usize = 1 << 20;

/// Longest stretch of reading before the page gets a turn, in ms: short
/// enough for a click or a key to be answered without a noticeable wait.
const TURN_MS: f64 = 40.0;

/// The plan in `buffer`, read in `mode`. At each turn `progress` gets the
/// share read (0–1) and `wanted` is asked whether the result is still wanted
/// (the user may have cancelled, or picked another file): `None` if not.
/// Files the piece reader leaves to the whole-file reader (another kind of
/// file, an older version, JSON broken after a number) are read from one copy
/// of their bytes, in one go.
pub async fn read_plan_file(
    buffer: &FileBuffer,
    mode: Mode,
    progress: impl Fn(f64),
    wanted: impl Fn() -> bool,
) -> Option<Result<Imported, Vec<Problem>>> {
    let total = buffer.len();
    let mut reader = PieceReader::new(mode);
    let mut piece = vec![0; PIECE_BYTES];
    let mut at = 0;
    let mut all_fed = true;
    let mut turn_started = timing::now_ms();
    while at < total {
        let n = buffer.copy_piece(at, &mut piece);
        at += n;
        if !reader.feed(&piece[..n]) {
            all_fed = false;
            break;
        }
        if timing::now_ms() - turn_started > TURN_MS {
            progress(at as f64 / total as f64);
            timing::next_task().await;
            if !wanted() {
                return None;
            }
            turn_started = timing::now_ms();
        }
    }
    // The checks across records come last, in one go (a few hundred ms for
    // 100 MB): the bar is shown full first.
    progress(1.0);
    timing::next_task().await;
    if !wanted() {
        return None;
    }
    let read = if all_fed { reader.finish() } else { None };
    Some(read.unwrap_or_else(|| read_plan_bytes(&buffer.to_vec(), mode)))
}
