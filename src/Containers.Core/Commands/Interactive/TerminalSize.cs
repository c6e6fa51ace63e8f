namespace Containers.Commands.Interactive
{
    /// <summary>A terminal's visible size in character cells, as the engine's resize calls take it.</summary>
    public readonly struct TerminalSize : IEquatable<TerminalSize>
    {
        public TerminalSize(int columns, int rows)
        {
            Columns = columns;
            Rows = rows;
        }

        public int Columns { get; }

        public int Rows { get; }

        /// <summary>A size the engine can apply: consoles report 0 x 0 while minimised or detached.</summary>
        public bool IsUsable => Columns > 0 && Rows > 0;

        public bool Equals(TerminalSize other) => Columns == other.Columns && Rows == other.Rows;

        public override bool Equals(object? obj) => obj is TerminalSize other && Equals(other);

        public override int GetHashCode() => (Columns * 397) ^ Rows;

        public override string ToString() => $"{Columns}x{Rows}";
    }
}
