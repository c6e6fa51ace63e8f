using System.Collections.ObjectModel;

namespace Containers.Models
{
    /// <summary>
    /// A list property of the objects users get (ports, networks, tags, subnets) that reads as text where PowerShell
    /// turns it into text: Export-Csv and ConvertTo-Csv write each property's ToString, which for a plain array is its
    /// .NET type name. Its items joined by ", " (<c>0.0.0.0:8080-&gt;80/tcp, 443/tcp</c>); still a list to index, count
    /// and pipe.
    /// </summary>
    public sealed class ReadableList<T> : ReadOnlyCollection<T>
    {
        public ReadableList(IEnumerable<T>? items)
            : base(items?.ToList() ?? new List<T>())
        {
        }

        public static ReadableList<T> Empty { get; } = new ReadableList<T>(null);

        public override string ToString() => string.Join(", ", this);
    }
}
