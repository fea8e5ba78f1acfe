/// An item of the preface: the long title, or another block (such as the NOR line).
public enum PrefaceItem: Sendable, Hashable, Codable {
    case longTitle([Block])
    case block(Block)
}
