import CGit2

/// Cleans up a commit or tag message as `git commit` does (trailing spaces and blank lines stripped,
/// one final newline); `#` lines are kept, since a legal text may start a line with `#`.
func prettifiedMessage(_ message: String) throws(RegisterError) -> String {
    _ = libgit2
    guard !message.utf8.contains(0) else { throw .invalidMessage }
    var buffer = git_buf()
    try git(git_message_prettify(&buffer, message, 0, CChar(UInt8(ascii: "#"))), "git_message_prettify")
    defer { git_buf_dispose(&buffer) }
    guard let cleaned = swiftString(buffer.ptr), !cleaned.isEmpty else { throw .invalidMessage }
    return cleaned
}
