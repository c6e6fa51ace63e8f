using System.Collections;
using Containers.Errors;
using Containers.Parsing;
using Xunit;

namespace Containers.Tests.Core.Parsing
{
    public class KeyValueAndPolicyParserTests
    {
        [Fact]
        public void Environment_tables_become_sorted_entries()
        {
            var table = new Hashtable { ["B"] = 2, ["A"] = "one two", ["EMPTY"] = null, ["FLAG"] = true };
            Assert.Equal(new[] { "A=one two", "B=2", "EMPTY=", "FLAG=true" }, EnvironmentConverter.ToEntries(table));
            Assert.Null(EnvironmentConverter.ToEntries(null));
        }

        [Theory]
        [InlineData("A=B", "contains '='")]
        [InlineData("HAS SPACE", "whitespace")]
        [InlineData("  ", "empty")]
        public void Malformed_environment_names_are_refused(string name, string reason)
        {
            var error = Assert.Throws<InvalidParameterException>(() => EnvironmentConverter.ToEntries(new Hashtable { [name] = "x" }));
            Assert.Equal("Environment", error.ParamName);
            Assert.Contains(reason, error.Reason);
        }

        [Fact]
        public void A_list_as_an_environment_value_is_refused()
        {
            var error = Assert.Throws<InvalidParameterException>(() => EnvironmentConverter.ToEntries(new Hashtable { ["PATHS"] = new[] { "a", "b" } }));
            Assert.Equal("PATHS", error.Value);
        }

        [Fact]
        public void Labels_keep_their_text()
        {
            var labels = LabelConverter.ToLabels(new Hashtable { ["com.example.team"] = "ops", ["n"] = 3 });
            Assert.Equal("ops", labels!["com.example.team"]);
            Assert.Equal("3", labels["n"]);
            Assert.Equal("Label", Assert.Throws<InvalidParameterException>(() => LabelConverter.ToLabels(new Hashtable { [""] = "x" })).ParamName);
        }

        [Fact]
        public void A_label_or_build_argument_name_with_equals_is_refused_as_an_environment_name_is()
        {
            var label = Assert.Throws<InvalidParameterException>(() => LabelConverter.ToLabels(new Hashtable { ["=x"] = "y" }));
            Assert.Equal("Label", label.ParamName);
            Assert.Equal("=x", label.Value);
            Assert.Contains("'=x'", label.Reason);
            Assert.Contains("contains '='", label.Reason);

            var argument = Assert.Throws<InvalidParameterException>(() => Containers.Commands.Images.BuildArgumentTable.Read(new Hashtable { ["A=B"] = "x" }, "BuildArg"));
            Assert.Equal("BuildArg", argument.ParamName);
            Assert.Contains("'A=B'", argument.Reason);
            Assert.Contains("contains '='", argument.Reason);

            // Spaces stay allowed in label keys: the engine and docker's --label "a b=c" accept them.
            Assert.Equal("c", LabelConverter.ToLabels(new Hashtable { ["a b"] = "c" })!["a b"]);
        }

        [Theory]
        [InlineData("no", "no", 0)]
        [InlineData("Always", "always", 0)]
        [InlineData("unless-stopped", "unless-stopped", 0)]
        [InlineData("on-failure:5", "on-failure", 5)]
        public void Restart_policies_are_read(string text, string name, int retries)
        {
            var policy = RestartPolicyParser.Parse(text);
            Assert.Equal(name, policy.Name);
            Assert.Equal(retries, policy.MaximumRetryCount);
        }

        [Theory]
        [InlineData("sometimes")]
        [InlineData("always:3")]
        [InlineData("on-failure:x")]
        [InlineData("on-failure:-1")]
        public void Bad_restart_policies_are_refused(string text)
        {
            var error = Assert.Throws<InvalidParameterException>(() => RestartPolicyParser.Parse(text));
            Assert.Equal("RestartPolicy", error.ParamName);
            Assert.Contains($"'{text}'", error.Reason);
        }
    }
}
