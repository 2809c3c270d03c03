using GridEmissions.Core.Tabular;

namespace GridEmissions.Core.Tests.Tabular;

public class CsvTableTests
{
    private static CsvTable Parse(string text) => CsvTable.Parse(new StringReader(text), "t.csv");

    [Fact]
    public void Parse_keeps_commas_inside_quotes_and_turns_doubled_quotes_into_one()
    {
        CsvTable t = Parse("id,name\n1,\"Pingdingshan, unit 1\"\n2,\"the \"\"big\"\" one\"\n");
        Assert.Equal(["id", "name"], t.Header);
        Assert.Equal(["1", "Pingdingshan, unit 1"], t.Rows[0].Fields);
        Assert.Equal(["2", "the \"big\" one"], t.Rows[1].Fields);
    }

    [Fact]
    public void Parse_reads_crlf_line_ends_without_leaving_carriage_returns()
    {
        CsvTable t = Parse("a,b\r\n1,2\r\n3,4\r\n");
        Assert.Equal(["a", "b"], t.Header);
        Assert.Equal(["1", "2"], t.Rows[0].Fields);
        Assert.Equal(["3", "4"], t.Rows[1].Fields);
        Assert.Equal([2, 3], t.Rows.Select(r => r.Line));
    }

    [Fact]
    public void Parse_keeps_line_breaks_inside_quotes_and_numbers_each_row_by_the_line_it_starts_on()
    {
        CsvTable t = Parse("id,note\n1,plain\n2,\"two\nlines\"\n3,\"three\r\nmore\r\nlines\"\n4,last");
        Assert.Equal(["two\nlines", "three\r\nmore\r\nlines"], new[] { t.Rows[1][1], t.Rows[2][1] });
        Assert.Equal([2, 3, 5, 8], t.Rows.Select(r => r.Line));
    }

    [Fact]
    public void Parse_skips_blank_lines_but_keeps_counting_them()
    {
        CsvTable t = Parse("a\n\n1\n\n\n2\n");
        Assert.Equal(["1", "2"], t.Rows.Select(r => r[0]));
        Assert.Equal([3, 6], t.Rows.Select(r => r.Line));
    }

    [Fact]
    public void Parse_reads_a_last_row_without_a_line_end_and_an_empty_last_field()
    {
        CsvTable t = Parse("a,b\n1,");
        Assert.Equal(["1", ""], t.Rows.Single().Fields);
    }

    [Fact]
    public void Columns_are_found_without_regard_to_case_a_byte_order_mark_or_padding()
    {
        CsvTable t = Parse("\uFEFFId , Name\n7,x\n");
        Assert.True(t.HasColumn("id"));
        Assert.Equal(1, t.ColumnIndex("NAME"));
        Assert.Equal(-1, t.ColumnIndex("missing"));
        Assert.Equal(["lat", "lng"], t.MissingColumns(["id", "lat", "name", "lng"]));
        Assert.Equal(string.Empty, t.Rows[0][5]);
        Assert.Equal(string.Empty, t.Rows[0][-1]);
    }

    [Fact]
    public void Parse_of_empty_text_gives_an_empty_table()
    {
        CsvTable t = Parse(string.Empty);
        Assert.Empty(t.Header);
        Assert.Empty(t.Rows);
        Assert.Equal("t.csv", t.File);
    }

    [Fact]
    public void Parse_uses_another_separator_when_asked()
    {
        CsvTable t = CsvTable.Parse(new StringReader("a;b\n\"x;y\";2\n"), "s.csv", ';');
        Assert.Equal(["x;y", "2"], t.Rows[0].Fields);
    }
    [Fact]
    public void Lines_with_and_without_quotes_mix_and_keep_their_line_numbers()
    {
        CsvTable t = Parse("a,b,c\r\n1,x\"y\"z,3\n\n\"p\nq\",r,s\r\nplain,\r\n,,\n4,5,6");
        Assert.Equal([["1", "x\"y\"z", "3"], ["p\nq", "r", "s"], ["plain", ""], ["", "", ""], ["4", "5", "6"]], t.Rows.Select(r => r.Fields.ToArray()).ToArray());
        Assert.Equal([2, 4, 6, 7, 8], t.Rows.Select(r => r.Line).ToArray());
    }
}
