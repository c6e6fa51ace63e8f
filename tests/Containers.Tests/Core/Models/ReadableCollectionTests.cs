using System.Collections;
using Containers.Models;
using Xunit;

namespace Containers.Tests.Core.Models
{
    /// <summary>
    /// The text Export-Csv and ConvertTo-Csv write for list and label properties (each value's ToString), and that they stay
    /// a list and a dictionary for everything else.
    /// </summary>
    public sealed class ReadableCollectionTests
    {
        [Fact]
        public void Ports_read_as_docker_ps_shows_them_joined_by_comma()
        {
            var ports = new ReadableList<ContainerPort>(new[]
            {
                new ContainerPort(80, "tcp", "0.0.0.0", 8080),
                new ContainerPort(443, "tcp", null, null),
                new ContainerPort(53, "udp", "::", 5353),
            });

            Assert.Equal("0.0.0.0:8080->80/tcp, 443/tcp, [::]:5353->53/udp", ports.ToString());
            Assert.Equal(3, ports.Count);
            Assert.Equal(443, ports[1].PrivatePort);
            Assert.Equal(string.Empty, ReadableList<ContainerPort>.Empty.ToString());
            Assert.Equal(string.Empty, new ReadableList<string>(null).ToString());
        }

        [Fact]
        public void Labels_read_as_key_value_pairs_in_key_order_joined_by_semicolon()
        {
            var labels = new ReadableDictionary(new Dictionary<string, string> { ["b"] = "2", ["a"] = "1,x", ["B"] = "3" });

            Assert.Equal("B=3;a=1,x;b=2", labels.ToString());
            Assert.Equal("1,x", labels["a"]);
            Assert.True(labels.ContainsKey("B"));

            // PowerShell treats it as a dictionary (indexing, .Keys, ConvertTo-Json as an object, Export-Clixml as a hashtable).
            Assert.IsAssignableFrom<IDictionary>(labels);
            Assert.Equal(string.Empty, ReadableDictionary.Empty.ToString());
            Assert.Equal(string.Empty, new ReadableDictionary(null).ToString());
        }

        [Fact]
        public void What_they_are_given_is_copied_so_the_object_never_changes_after_the_fact()
        {
            var source = new List<string> { "one" };
            var list = new ReadableList<string>(source);
            source.Add("two");
            var pairs = new Dictionary<string, string> { ["a"] = "1" };
            var labels = new ReadableDictionary(pairs);
            pairs["b"] = "2";

            Assert.Equal(new[] { "one" }, list);
            Assert.Throws<NotSupportedException>(() => ((IList<string>)list).Add("three"));
            Assert.Equal("a=1", labels.ToString());
            Assert.Throws<NotSupportedException>(() => ((IDictionary<string, string>)labels).Add("c", "3"));
        }
    }
}
