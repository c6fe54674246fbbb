"""A Word document with text in every part a reader sees, built with python-docx plus the
raw XML it cannot write (tracked changes, content controls, fields, text boxes, notes).
Every sentence is written for these tests."""
from __future__ import annotations

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.parser import parse_xml

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = (f'xmlns:w="{W}" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:v="urn:schemas-microsoft-com:vml"')

# The rate each part carries: rate-above-100 must find every one, at its part's label.
PLANTED = {
    "段落 1": "全区义务教育巩固率达到101%。",                      # a plain paragraph
    "表格 1 第1行第2列": "高中阶段净入学率为102%",                # a table cell
    "段落 2": "学前教育普惠率提高到103%。",                       # a tracked insertion
    "段落 3": "随迁子女入学率为104%。",                           # a block-level content control
    "段落 4": "课后服务覆盖率达到105%。",                         # a run-level content control
    "段落 5": "教师培训覆盖率为106%。",                           # a simple field's result
    "文本框 1": "校车覆盖率达到107%。",                           # a text box (read once)
    "页眉": "图书配备达标率为108%。",
    "页脚": "体质健康合格率为109%。",
    "脚注 1": "资助政策知晓率为110%。",
    "尾注 1": "家长满意率达到111%。",
}
# Text no reader sees: deleted by a tracked change, or a field's code.
HIDDEN = ["辍学率下降到199%", "合格率为198%"]


def _t(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def _paragraph(inner: str) -> object:
    return parse_xml(f"<w:p {NS}>{inner}</w:p>")


def _notes_part(document, kind: str, text: str):
    tag = kind[:-1]
    xml = (f'<w:{kind} {NS}>'
           f'<w:{tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{tag}>'
           f'<w:{tag} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{tag}>'
           f'<w:{tag} w:id="1"><w:p><w:r><w:{tag}Ref/></w:r>{_t(" " + text)}</w:p></w:{tag}>'
           f'</w:{kind}>')
    content_type = f"application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}+xml"
    part = Part(PackURI(f"/word/{kind}.xml"), content_type, xml.encode("utf-8"), document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES if kind == "footnotes" else RT.ENDNOTES)


def build(path) -> None:
    d = docx.Document()
    body = d.element.body
    d.add_paragraph(PLANTED["段落 1"])
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "指标"
    table.cell(0, 1).text = PLANTED["表格 1 第1行第2列"]
    inserted = PLANTED["段落 2"]
    body.append(_paragraph(
        f'{_t(inserted[:6])}'
        f'<w:del w:id="1" w:author="审校" w:date="2024-01-02T00:00:00Z"><w:r><w:delText>{HIDDEN[0]}，</w:delText></w:r></w:del>'
        f'<w:ins w:id="2" w:author="审校" w:date="2024-01-02T00:00:00Z">{_t(inserted[6:])}</w:ins>'))
    body.append(parse_xml(f'<w:sdt {NS}><w:sdtPr><w:alias w:val="块级控件"/></w:sdtPr><w:sdtContent>'
                          f'<w:p>{_t(PLANTED["段落 3"])}</w:p></w:sdtContent></w:sdt>'))
    run_level = PLANTED["段落 4"]
    body.append(_paragraph(f'{_t(run_level[:4])}<w:sdt><w:sdtPr><w:alias w:val="行内控件"/></w:sdtPr>'
                           f'<w:sdtContent>{_t(run_level[4:])}</w:sdtContent></w:sdt>'))
    field = PLANTED["段落 5"]
    body.append(_paragraph(
        f'{_t(field[:4])}<w:fldSimple w:instr=" DOCPROPERTY 完成率 ">{_t(field[4:])}</w:fldSimple>'
        f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> COMMENTS {HIDDEN[1]} </w:instrText></w:r>'
        f'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'))
    box = f'<w:txbxContent><w:p>{_t(PLANTED["文本框 1"])}</w:p></w:txbxContent>'
    body.append(_paragraph(
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="2286000" cy="457200"/>'
        '<wp:docPr id="10" name="文本框 1"/><a:graphic><a:graphicData '
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/>'
        '<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2286000" cy="457200"/></a:xfrm>'
        f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr><wps:txbx>{box}</wps:txbx><wps:bodyPr/>'
        '</wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice>'
        f'<mc:Fallback><w:pict><v:rect style="width:180pt;height:36pt"><v:textbox>{box}</v:textbox></v:rect></w:pict>'
        '</mc:Fallback></mc:AlternateContent></w:r>'))
    body.append(_paragraph('<w:r><w:t>见脚注</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r>'
                           '<w:r><w:t>与尾注</w:t></w:r><w:r><w:endnoteReference w:id="1"/></w:r>'))
    sect = body.find(f"{{{W}}}sectPr")            # keep the section properties last
    body.remove(sect)
    body.append(sect)
    d.sections[0].header.paragraphs[0].text = PLANTED["页眉"]
    d.sections[0].footer.paragraphs[0].text = PLANTED["页脚"]
    _notes_part(d, "footnotes", PLANTED["脚注 1"])
    _notes_part(d, "endnotes", PLANTED["尾注 1"])
    d.save(path)
