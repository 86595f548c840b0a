//! Reading a picked plan file a piece at a time, giving the page a turn between
//! pieces: the user sees how far it got and can cancel, and a 100 MB file no
//! longer freezes the tab for two seconds. Each piece is read from the file as
//! it is needed, so neither the browser nor the app holds the whole file.

use crate::browser::files::{PickedFile, ReadFailure};
use crate::browser::timing;
use crate::plan_file::{read_plan_bytes, Imported, Mode, PieceReader, Problem};

/// Bytes read and handed to the reader at a time (about 20 ms of reading;
/// each piece read from the file costs a round trip to the browser).
const PIECE_BYTES: usize = 2 << 20;

/// Longest stretch between two updates of the progress bar, in ms.
const TURN_MS: f64 = 40.0;

/// How far the work on a file got, for the progress bar.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Progress {
    /// The share of the file read (0–1).
    Reading(f64),
    /// The share of the checks across records done (0–1): for a large file
    /// they take a few hundred ms after the last piece.
    Checking(f64),
}

/// Why a file's reading stopped before it said what the file holds.
pub enum Stop {
    /// The user cancelled, or picked another file.
    Cancelled,
    /// The browser could not read the file (moved, deleted, changed).
    Failed(ReadFailure),
}

/// The plan in `file`, read in `mode`. Each piece is read from the file
/// when it is needed, so the page gets a turn between pieces; every
/// [`TURN_MS`] `progress` gets how far it got: the share read, then the
/// share of the checks across records. `wanted` is asked after
/// each piece whether the result is still wanted. Files the piece reader
/// leaves to the whole-file reader (another kind of file, an older version,
/// JSON broken right after a number) are read whole, in one go.
pub async fn read_plan_file(
    file: &PickedFile,
    mode: Mode,
    progress: impl Fn(Progress),
    wanted: impl Fn() -> bool,
) -> Result<Result<Imported, Vec<Problem>>, Stop> {
    let total = file.len();
    let mut reader = PieceReader::new(mode);
    let mut at = 0;
    let mut all_fed = true;
    let mut turn_started = timing::now_ms();
    let mut coming = (total > 0).then(|| file.piece(0, PIECE_BYTES));
    while let Some(next) = coming.take() {
        let piece = next.await.map_err(Stop::Failed)?;
        if !wanted() {
            return Err(Stop::Cancelled);
        }
        if piece.is_empty() {
            // Shorter than when it was picked: it changed meanwhile.
            return Err(Stop::Failed(ReadFailure::Unreadable));
        }
        at += piece.len();
        // The browser reads the next piece while this one is read here.
        if at < total {
            coming = Some(file.piece(at, PIECE_BYTES));
        }
        if !reader.feed(&piece) {
            all_fed = false;
            break;
        }
        if timing::now_ms() - turn_started > TURN_MS {
            progress(Progress::Reading(at as f64 / total as f64));
            timing::next_task().await;
            turn_started = timing::now_ms();
        }
    }
    progress(Progress::Reading(1.0));
    timing::next_task().await;
    if !wanted() {
        return Err(Stop::Cancelled);
    }
    match if all_fed { reader.finish_in_steps() } else { None } {
        Some(Ok(mut checking)) => {
            // The checks across records come last (a few hundred ms for
            // 100 MB), in stretches with a turn for the page between them.
            // Shown at once: the turns below come before the browser's
            // paints, and checks shorter than ~130 ms would never be seen.
            progress(Progress::Checking(0.0));
            timing::after_paint().await;
            let on_turn = |share| progress(Progress::Checking(share));
            if !timing::in_turns(|| checking.step(), on_turn, &wanted).await {
                return Err(Stop::Cancelled);
            }
            Ok(checking.finish())
        }
        Some(Err(problems)) => Ok(Err(problems)),
        None => {
            let bytes = file.bytes().await.map_err(Stop::Failed)?;
            if !wanted() {
                return Err(Stop::Cancelled);
            }
            Ok(read_plan_bytes(&bytes, mode))
        }
    }
}
