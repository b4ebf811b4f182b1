import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/import/csv';

const recordsOf = (text: string) => {
  const result = parseCsv(text);
  if (!result.ok) throw new Error(`unreadable: quote on line ${result.unclosedQuoteLine}`);
  return result.records.map((record) => [record.line, ...record.fields]);
};

describe('the CSV reader of booking-system exports', () => {
  it('reads semicolon-separated rows with their line numbers', () => {
    expect(recordsOf('code;name\nK7P2QX9A;Lucas Silva\nZ8R4MM2C;Mei Chen\n')).toEqual([
      [1, 'code', 'name'],
      [2, 'K7P2QX9A', 'Lucas Silva'],
      [3, 'Z8R4MM2C', 'Mei Chen'],
    ]);
  });

  it('takes the comma as separator when the header uses commas', () => {
    const result = parseCsv('code,name,status\nK7P2QX9A,"Silva; Lucas",booked\n');
    expect(result).toMatchObject({ ok: true, separator: ',' });
    expect(recordsOf('code,name,status\nK7P2QX9A,"Silva; Lucas",booked\n')[1]).toEqual([2, 'K7P2QX9A', 'Silva; Lucas', 'booked']);
  });

  it('keeps separators and doubled quotes inside quoted fields', () => {
    expect(recordsOf('code;name\nK7P2QX9A;"O""Brien; Seán"\n')[1]).toEqual([2, 'K7P2QX9A', 'O"Brien; Seán']);
    expect(recordsOf('code,name\nK7P2QX9A,"Silva, Lucas"\n')[1]).toEqual([2, 'K7P2QX9A', 'Silva, Lucas']);
  });

  it('drops a byte order mark, so the first column name is found', () => {
    expect(recordsOf('\uFEFFcode;name\r\nK7P2QX9A;Mei Chen\r\n')[0]).toEqual([1, 'code', 'name']);
  });

  it('reads CRLF, LF and lone CR line ends alike, and skips blank lines', () => {
    const text = 'code;name\r\nK7P2QX9A;Mei Chen\r\n\r\nZ8R4MM2C;Lin Chen\rQ3W5E7R9;Wei Chen';
    expect(recordsOf(text)).toEqual([
      [1, 'code', 'name'],
      [2, 'K7P2QX9A', 'Mei Chen'],
      [4, 'Z8R4MM2C', 'Lin Chen'],
      [5, 'Q3W5E7R9', 'Wei Chen'],
    ]);
  });

  it('counts the lines of a quoted field that spans several, so later rows keep their own line numbers', () => {
    expect(recordsOf('code;name\nK7P2QX9A;"Mei\r\nChen"\nZ8R4MM2C;Lin Chen\n')).toEqual([
      [1, 'code', 'name'],
      [2, 'K7P2QX9A', 'Mei\r\nChen'],
      [4, 'Z8R4MM2C', 'Lin Chen'],
    ]);
  });

  it('keeps empty fields, also at the end of a row, and ignores spaces around a quoted value', () => {
    expect(recordsOf('a;b;c\n1;;\n "x" ;y;""\n')).toEqual([
      [1, 'a', 'b', 'c'],
      [2, '1', '', ''],
      [3, 'x', 'y', ''],
    ]);
  });

  it('refuses a file whose quote is never closed, naming the line where it opened', () => {
    expect(parseCsv('code;name\nK7P2QX9A;Mei Chen\nZ8R4MM2C;"Lin Chen\nQ3W5E7R9;Wei Chen\n')).toEqual({ ok: false, unclosedQuoteLine: 3 });
  });
});
