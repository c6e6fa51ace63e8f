using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace Containers.Tests.Metadata
{
    /// <summary>The metadata tokens a method body's IL names: the methods it calls, the fields and types it uses.</summary>
    public static class IlOperands
    {
        private static readonly Dictionary<ushort, OperandType> Operands = typeof(OpCodes)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => (OpCode)field.GetValue(null)!)
            .ToDictionary(code => (ushort)code.Value, code => code.OperandType);

        /// <summary>Every method, field, type, token and signature operand, in the order the IL has them.</summary>
        public static IEnumerable<EntityHandle> Tokens(BlobReader il)
        {
            var tokens = new List<EntityHandle>();
            while (il.RemainingBytes > 0)
            {
                byte first = il.ReadByte();
                ushort code = first == 0xFE ? (ushort)(0xFE00 | il.ReadByte()) : first;
                OperandType operand = Operands[code];
                if (operand is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok or OperandType.InlineSig)
                {
                    tokens.Add(MetadataTokens.EntityHandle(il.ReadInt32()));
                    continue;
                }

                // Computed before it is added: a switch's operand is read (and skipped) while computing its size.
                int size = operand switch
                {
                    OperandType.InlineNone => 0,
                    OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                    OperandType.InlineVar => 2,
                    OperandType.InlineI8 or OperandType.InlineR => 8,
                    OperandType.InlineSwitch => 4 * il.ReadInt32(),
                    _ => 4,
                };
                il.Offset += size;
            }

            return tokens;
        }
    }
}
