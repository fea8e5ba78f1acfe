import Foundation

/// A write of several versions being prepared: the commit and tag objects already written (unreachable
/// so far) and the reference moves that will make them part of the register, all in one final step
/// (``GitStore/updateReferences(_:)``). Until that step nothing of the write is visible; a write stopped
/// before it (an error, an interruption) leaves the register as it was, plus unreachable objects that
/// `git gc` prunes.
struct PendingWrite {
    /// Where `main` was when the write started: the final step moves it only from there.
    let mainAtStart: ObjectID?
    /// Where `main` will point: the last commit written on top of it.
    var main: ObjectID?
    /// Tags to create: name → tag object.
    var tags: [(name: String, object: ObjectID, target: ObjectID)] = []
    /// Branches to move: full name → (new tip, tip expected now, nil when absent).
    var branches: [(ref: String, target: ObjectID, expected: ObjectID?)] = []
    /// Changed paths of each commit written, for ``ChangedPathsCache`` once the references moved.
    var changedPaths: [(paths: [String], from: ObjectID, to: ObjectID)] = []
    /// Drafts whose working copy is written once the references moved (`created`: from the new commit;
    /// else only when missing).
    var workingCopies: [(name: String, commit: ObjectID, created: Bool)] = []

    init(main: ObjectID?) {
        mainAtStart = main
        self.main = main
    }

    /// The tag object pending under that name, if any.
    func pendingTag(named name: String) -> (name: String, object: ObjectID, target: ObjectID)? {
        tags.first { $0.name == name }
    }

    /// Every reference move of the write, `main` first.
    var referenceUpdates: [ReferenceUpdate] {
        var updates: [ReferenceUpdate] = []
        if let main, main != mainAtStart {
            updates.append(ReferenceUpdate(ref: GitStore.mainBranch, target: main, expected: mainAtStart,
                                           logMessage: "import: \(tags.count) version(s)"))
        }
        for branch in branches {
            updates.append(ReferenceUpdate(ref: branch.ref, target: branch.target, expected: branch.expected,
                                           logMessage: "import: " + branch.ref.replacingOccurrences(of: "refs/heads/", with: "")))
        }
        for tag in tags {
            updates.append(ReferenceUpdate(ref: "refs/tags/" + tag.name, target: tag.object, expected: nil,
                                           logMessage: "tag: \(tag.name)"))
        }
        return updates
    }
}
