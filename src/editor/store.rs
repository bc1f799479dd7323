//! The draft kept in the browser (IndexedDB), so that a reload or a crash loses nothing.

use idb::builder::{DatabaseBuilder, ObjectStoreBuilder};
use idb::{Database, TransactionMode};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

const DATABASE: &str = "iom-explorer-editor";
const STORE: &str = "drafts";
/// One draft per browser: the one being edited.
const KEY: &str = "current";

/// What is kept: the draft, and what it was opened from (to write it back in the same layout
/// and list the changes since).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Kept {
    /// The draft's JSON.
    pub draft: String,
    /// The file as it was opened.
    pub original: String,
    /// Where it was opened from (`data/strategy.json` or a file's name).
    pub opened_from: String,
    /// The draft's JSON when it was last downloaded or opened (what "not downloaded" compares
    /// with).
    pub baseline: String,
}

async fn open() -> Result<Database, idb::Error> {
    DatabaseBuilder::new(DATABASE)
        .version(1)
        .add_object_store(ObjectStoreBuilder::new(STORE))
        .build()
        .await
}

/// The kept draft, if there is one (none when storage is off).
pub async fn load() -> Option<Kept> {
    let database = open().await.ok()?;
    let transaction = database
        .transaction(&[STORE], TransactionMode::ReadOnly)
        .ok()?;
    let store = transaction.object_store(STORE).ok()?;
    let value = store.get(JsValue::from_str(KEY)).ok()?.await.ok()??;
    let text = value.as_string()?;
    serde_json::from_str(&text).ok()
}

/// Keeps `kept`; `false` when the browser refused (private window, storage full).
pub async fn save(kept: &Kept) -> bool {
    let Ok(text) = serde_json::to_string(kept) else {
        return false;
    };
    let saved = async {
        let database = open().await?;
        let transaction = database.transaction(&[STORE], TransactionMode::ReadWrite)?;
        let store = transaction.object_store(STORE)?;
        store
            .put(&JsValue::from_str(&text), Some(&JsValue::from_str(KEY)))?
            .await?;
        transaction.commit()?.await?;
        Ok::<_, idb::Error>(())
    };
    saved.await.is_ok()
}

/// Forgets the kept draft.
pub async fn clear() {
    let cleared = async {
        let database = open().await?;
        let transaction = database.transaction(&[STORE], TransactionMode::ReadWrite)?;
        let store = transaction.object_store(STORE)?;
        store.delete(JsValue::from_str(KEY))?.await?;
        transaction.commit()?.await?;
        Ok::<_, idb::Error>(())
    };
    let _ = cleared.await;
}
