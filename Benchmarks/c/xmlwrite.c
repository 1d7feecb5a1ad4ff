/*
 * The C baseline for `bargain-bench xml`: writes a document with libxml2's xmlTextWriter into
 * memory, the way a hand-written C exporter would, and reports the best time of five runs.
 *
 * The document's structure is taken from an XML file the Swift side exported (so both write
 * exactly the same elements, attributes and text): it is read once with xmlReader into a list
 * of write operations, values already as strings, and then replayed ITERATIONS times, each
 * time into a fresh buffer and writer, as one export would. Elements that hold only text are
 * written with one xmlTextWriterWriteElement call, as a C programmer would write them.
 * Indentation matches bargain's (two spaces). The last document is written to OUTPUT so the
 * benchmark can check that C and Swift produced the same bytes.
 *
 *   cc -O2 xmlwrite.c $(pkg-config --cflags --libs libxml-2.0) -o xmlwrite
 *   ./xmlwrite INPUT.xml ITERATIONS OUTPUT.xml     → prints "SECONDS BYTES" (best of 5)
 *
 * Time is the process's CPU time (CLOCK_PROCESS_CPUTIME_ID), not wall-clock time: these machines
 * are shared, and CPU time is what is left when other processes take turns on the cores. The
 * Swift side measures its thread's CPU time the same way.
 */
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef enum { OP_START, OP_ATTRIBUTE, OP_TEXT, OP_END, OP_ELEMENT } op_kind;
typedef struct { op_kind kind; xmlChar *name; xmlChar *value; } op;

static op *ops;
static size_t op_count, op_capacity;

static void add(op_kind kind, const xmlChar *name, const xmlChar *value) {
    if (op_count == op_capacity) {
        op_capacity = op_capacity ? op_capacity * 2 : 256;
        ops = realloc(ops, op_capacity * sizeof(op));
        if (!ops) { perror("realloc"); exit(2); }
    }
    ops[op_count].kind = kind;
    ops[op_count].name = name ? xmlStrdup(name) : NULL;
    ops[op_count].value = value ? xmlStrdup(value) : NULL;
    op_count++;
}

static void load(const char *path) {
    xmlTextReaderPtr reader = xmlReaderForFile(path, NULL, XML_PARSE_NONET);
    if (!reader) { fprintf(stderr, "cannot read %s\n", path); exit(2); }
    while (xmlTextReaderRead(reader) == 1) {
        switch (xmlTextReaderNodeType(reader)) {
        case XML_READER_TYPE_ELEMENT: {
            int empty = xmlTextReaderIsEmptyElement(reader);
            add(OP_START, xmlTextReaderConstName(reader), NULL);
            while (xmlTextReaderMoveToNextAttribute(reader) == 1)
                add(OP_ATTRIBUTE, xmlTextReaderConstName(reader), xmlTextReaderConstValue(reader));
            xmlTextReaderMoveToElement(reader);
            if (empty) add(OP_END, NULL, NULL);
            break;
        }
        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
            add(OP_TEXT, NULL, xmlTextReaderConstValue(reader));
            break;
        case XML_READER_TYPE_END_ELEMENT:
            add(OP_END, NULL, NULL);
            break;
        default:
            break; /* whitespace between elements: the writer's indentation makes it */
        }
    }
    xmlFreeTextReader(reader);
    /* START (no attributes), TEXT, END → one xmlTextWriterWriteElement. */
    size_t out = 0;
    for (size_t i = 0; i < op_count; i++) {
        if (i + 2 < op_count && ops[i].kind == OP_START && ops[i + 1].kind == OP_TEXT && ops[i + 2].kind == OP_END) {
            ops[out++] = (op){ OP_ELEMENT, ops[i].name, ops[i + 1].value };
            i += 2;
        } else {
            ops[out++] = ops[i];
        }
    }
    op_count = out;
}

static xmlBufferPtr write_document(void) {
    xmlBufferPtr buffer = xmlBufferCreate();
    xmlTextWriterPtr writer = xmlNewTextWriterMemory(buffer, 0);
    xmlTextWriterSetIndent(writer, 1);
    xmlTextWriterSetIndentString(writer, BAD_CAST "  ");
    xmlTextWriterStartDocument(writer, "1.0", "UTF-8", NULL);
    for (size_t i = 0; i < op_count; i++) {
        switch (ops[i].kind) {
        case OP_START: xmlTextWriterStartElement(writer, ops[i].name); break;
        case OP_ATTRIBUTE: xmlTextWriterWriteAttribute(writer, ops[i].name, ops[i].value); break;
        case OP_TEXT: xmlTextWriterWriteString(writer, ops[i].value); break;
        case OP_END: xmlTextWriterEndElement(writer); break;
        case OP_ELEMENT: xmlTextWriterWriteElement(writer, ops[i].name, ops[i].value); break;
        }
    }
    xmlTextWriterEndDocument(writer);
    xmlTextWriterFlush(writer);
    xmlFreeTextWriter(writer);
    return buffer;
}

int main(int argc, char **argv) {
    if (argc != 4) { fprintf(stderr, "usage: %s INPUT.xml ITERATIONS OUTPUT.xml\n", argv[0]); return 64; }
    xmlInitParser();
    load(argv[1]);
    long iterations = atol(argv[2]);
    double best = 1e30;
    size_t total = 0;
    for (int run = 0; run < 5; run++) {
        struct timespec start, end;
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &start);
        for (long i = 0; i < iterations; i++) {
            xmlBufferPtr buffer = write_document();
            total += (size_t)xmlBufferLength(buffer);
            xmlBufferFree(buffer);
        }
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &end);
        double seconds = (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9;
        if (seconds < best) best = seconds;
    }
    xmlBufferPtr last = write_document();
    FILE *output = fopen(argv[3], "wb");
    if (!output) { perror(argv[3]); return 73; }
    fwrite(xmlBufferContent(last), 1, (size_t)xmlBufferLength(last), output);
    fclose(output);
    xmlBufferFree(last);
    printf("%.6f %zu\n", best, total);
    return 0;
}
