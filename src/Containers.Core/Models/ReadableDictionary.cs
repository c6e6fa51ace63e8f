using System.Collections.ObjectModel;

namespace Containers.Models
{
    /// <summary>
    /// Labels, driver options and the like (text keys and values) that read as text where PowerShell turns them into
    /// text (Export-Csv, ConvertTo-Csv): <c>a=1;b=2</c>, keys in ordinal order, as <c>docker ps --format '{{.Labels}}'</c>
    /// lists them but with ';' since values may hold commas. Still a dictionary: <c>$c.Labels['x']</c>, <c>.Keys</c>. A copy
    /// of what it is given, so the object holding it never changes after the fact.
    /// </summary>
    public sealed class ReadableDictionary : ReadOnlyDictionary<string, string>
    {
        public ReadableDictionary(IDictionary<string, string>? pairs)
            : base(pairs == null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(pairs, StringComparer.Ordinal))
        {
        }

        public static ReadableDictionary Empty { get; } = new ReadableDictionary(null);

        public override string ToString() =>
            string.Join(";", this.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Key + "=" + pair.Value));
    }
}
