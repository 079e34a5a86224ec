"""Names, branches and positions for demo data: a fictional Ontario public library system.

Names are (as written, romanised) pairs: the romanised form builds the e-mail address. Names in
scripts written family name first are joined without a space, as they are usually written.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass

SYSTEM_NAME = "Trillium Shores Public Library"
EMAIL_DOMAIN = "trilliumshores.example"

BRANCHES = (
    "Central Library",
    "Ashbury Park",
    "Bibliothèque Sainte-Anne",
    "Birchmount",
    "Bluewater",
    "Cedar Bay",
    "Clearview",
    "Elm Grove",
    "Fairhaven",
    "Foxborough",
    "Glenmore",
    "Harbourview",
    "Heron Point",
    "Huron Shores",
    "Kingsmere",
    "Lakeview",
    "Maple Creek",
    "Millbrook",
    "Mobile Library Services",
    "Mount Pleasant",
    "Northgate",
    "Oakridge",
    "Orchard Hill",
    "Pine Ridge",
    "Port Alder",
    "Queensway",
    "Red Pine",
    "Riverbend",
    "Sandy Hook",
    "Spruce Hollow",
    "St. Clair & Main",
    "Stonecliff",
    "Sunnyside",
    "Thornhaven",
    "Trillium Village",
    "Westmount",
    "Whitby Road",
    "Willow Park",
    "Wolfe Landing",
    "Yorkdale Heights",
)

POSITIONS: tuple[tuple[str, int], ...] = (
    ("Library Assistant", 30),
    ("Senior Library Assistant", 8),
    ("Library Technician", 8),
    ("Page", 10),
    ("Circulation Clerk", 7),
    ("Customer Service Associate", 8),
    ("Children's Librarian", 5),
    ("Youth Services Librarian", 3),
    ("Adult Services Librarian", 3),
    ("Reference Librarian", 3),
    ("Community Librarian", 2),
    ("Digital Services Librarian", 2),
    ("Newcomer Services Librarian", 1),
    ("Outreach Coordinator", 2),
    ("Programming Coordinator", 2),
    ("Branch Supervisor", 4),
    ("Cataloguing Technician", 2),
    ("Interlibrary Loan Technician", 1),
    ("Makerspace Facilitator", 1),
    ("Literacy Program Facilitator", 1),
)

Pair = tuple[str, str]


def _same(text: str) -> tuple[Pair, ...]:
    """'Emily, Zoë' -> (('Emily', 'Emily'), ('Zoë', 'Zoë'))."""
    return tuple((n.strip(), n.strip()) for n in text.split(","))


def _pairs(text: str) -> tuple[Pair, ...]:
    """'王 Wang, 李 Li' -> (('王', 'Wang'), ('李', 'Li'))."""
    pairs = []
    for item in text.split(","):
        native, _, latin = item.strip().rpartition(" ")
        pairs.append((native, latin))
    return tuple(pairs)


@dataclass(frozen=True, slots=True)
class NamePool:
    weight: int
    given: tuple[Pair, ...]
    family: tuple[Pair, ...]
    family_first: bool = False
    separator: str = " "  # between the parts; none in Chinese, Japanese and Korean names
    preferred: tuple[str, ...] = ()  # everyday names some people go by

    def pick(self, rng: random.Random) -> tuple[str, str, str, str]:
        """(full name, given name, romanised given name, romanised family name)."""
        given, given_latin = rng.choice(self.given)
        family, family_latin = rng.choice(self.family)
        if self.family_first:
            full = f"{family}{self.separator}{given}"
        else:
            full = f"{given}{self.separator}{family}"
        return full, given, given_latin, family_latin


NAME_POOLS = (
    NamePool(
        30,
        _same(
            "Emily, Sarah, Jessica, Michael, David, Jennifer, Matthew, Andrew, Laura, Rebecca, "
            "Daniel, Megan, Ryan, Amanda, Kevin, Heather, Brian, Nicole, Stephanie, Christopher, "
            "Olivia, Liam, Noah, Emma, Hannah, Grace, Owen, Claire, Margaret, Patricia, Susan, "
            "Robert, James, Karen, Colleen, Siobhan, Fiona, Aidan, Brendan, Morgan, Riley"
        ),
        _same(
            "Smith, Brown, Martin, Wilson, MacDonald, Taylor, Campbell, Anderson, Jones, "
            "Thompson, White, Young, Stewart, Robinson, Scott, Clarke, Johnston, Walker, Wright, "
            "Mitchell, Murphy, O'Brien, Fraser, McKenzie, Kennedy, Reid, Bell, Graham, Hughes, "
            "Sinclair, Henderson, Gallagher"
        ),
    ),
    NamePool(
        15,
        _same(
            "Élodie, Zoë, François, Chloé, Amélie, Geneviève, Stéphane, Hélène, Sébastien, "
            "Mélanie, Frédéric, Josée, Benoît, Noémie, Gaël, Anaïs, Jérôme, Marie-Ève, "
            "Jean-François, Léa, Raphaël, Maëlle, Thérèse, Aurélie, Émile, Céline, Mathieu, "
            "Olivier, Isabelle, Sylvie, Luc"
        ),
        _same(
            "Tremblay, Gagnon, Roy, Côté, Bouchard, Gauthier, Morin, Lavoie, Fortin, Gagné, "
            "Ouellet, Pelletier, Bélanger, Lévesque, Bergeron, Leblanc, Paquette, Girard, "
            "Simard, Caron, Dubé, Poirier, Lapointe, Lefebvre, Thériault, Desjardins, Séguin, "
            "Charbonneau, Laflèche"
        ),
    ),
    NamePool(
        8,
        _pairs(
            "秀英 Xiuying, 伟 Wei, 芳 Fang, 娜 Na, 敏 Min, 静 Jing, 丽 Li, 强 Qiang, 磊 Lei, "
            "军 Jun, 勇 Yong, 艳 Yan, 杰 Jie, 涛 Tao, 明 Ming, 霞 Xia, 嘉怡 Jiayi, 子轩 Zixuan, "
            "雨桐 Yutong, 浩然 Haoran"
        ),
        _pairs(
            "王 Wang, 李 Li, 张 Zhang, 刘 Liu, 陈 Chen, 杨 Yang, 黄 Huang, 赵 Zhao, 吴 Wu, "
            "周 Zhou, 林 Lin, 何 He, 郭 Guo, 梁 Liang"
        ),
        family_first=True,
        separator="",
        preferred=("Sherry", "Kevin", "Grace", "Vivian", "Jason", "Eric", "Cindy", "Helen"),
    ),
    NamePool(
        4,
        _pairs(
            "민준 Minjun, 서연 Seoyeon, 지훈 Jihoon, 수빈 Subin, 하은 Haeun, 도윤 Doyoon, "
            "지민 Jimin, 예린 Yerin, 현우 Hyunwoo, 은지 Eunji"
        ),
        _pairs("김 Kim, 이 Lee, 박 Park, 최 Choi, 정 Jung, 강 Kang, 조 Cho, 윤 Yoon, 임 Lim"),
        family_first=True,
        separator="",
        preferred=("Daniel", "Grace", "Joanne", "Sam", "Chris"),
    ),
    NamePool(
        2,
        _pairs("陽子 Yoko, 健太 Kenta, 美咲 Misaki, 翔 Sho, 直美 Naomi, 大輔 Daisuke"),
        _pairs("佐藤 Sato, 鈴木 Suzuki, 高橋 Takahashi, 田中 Tanaka, 伊藤 Ito"),
        family_first=True,
        separator="",
    ),
    NamePool(
        4,
        _pairs(
            "محمد Mohammed, فاطمة Fatima, أحمد Ahmed, مريم Maryam, يوسف Youssef, ليلى Layla, "
            "عمر Omar, نور Nour, خالد Khaled, سارة Sara, هدى Huda, علي Ali"
        ),
        _pairs(
            "حداد Haddad, خوري Khoury, منصور Mansour, سعيد Saeed, عبدالله Abdullah, "
            "حمدان Hamdan, الحسن Al-Hassan"
        ),
    ),
    NamePool(
        3,
        _pairs(
            "प्रिया Priya, राहुल Rahul, अंजलि Anjali, अर्जुन Arjun, नेहा Neha, विक्रम Vikram, "
            "कविता Kavita, रोहन Rohan, दीपिका Deepika, आदित्य Aditya"
        ),
        _pairs("शर्मा Sharma, पटेल Patel, गुप्ता Gupta, वर्मा Verma, जोशी Joshi, मेहता Mehta"),
    ),
    NamePool(
        7,
        _same(
            "Harpreet, Gurpreet, Simran, Manpreet, Jaspreet, Navdeep, Amandeep, Priya, Ravi, "
            "Sanjay, Aisha, Farhan, Nadia, Imran, Lakshmi"
        ),
        _same(
            "Singh, Kaur, Dhillon, Sandhu, Gill, Grewal, Sidhu, Patel, Shah, Desai, Iyer, Nair, "
            "Khan, Chowdhury, Rahman"
        ),
    ),
    NamePool(
        2,
        _pairs(
            "Γιώργος Giorgos, Μαρία Maria, Δημήτρης Dimitris, Ελένη Eleni, Νίκος Nikos, "
            "Κατερίνα Katerina, Αναστασία Anastasia, Κώστας Kostas"
        ),
        _pairs(
            "Γεωργίου Georgiou, Οικονόμου Oikonomou, Αντωνίου Antoniou, Ιωάννου Ioannou, "
            "Δημητρίου Dimitriou, Νικολάου Nikolaou, Χριστοδούλου Christodoulou"
        ),
    ),
    NamePool(
        3,
        _pairs(
            "Thị Lan Thi-Lan, Văn Minh Van-Minh, Thị Hương Thi-Huong, Quang Huy Quang-Huy, "
            "Thu Trang Thu-Trang, Đức Anh Duc-Anh, Ngọc Ánh Ngoc-Anh, Minh Châu Minh-Chau"
        ),
        _pairs(
            "Nguyễn Nguyen, Trần Tran, Lê Le, Phạm Pham, Hoàng Hoang, Vũ Vu, Đặng Dang, Bùi Bui"
        ),
        family_first=True,
    ),
    NamePool(
        4,
        _same(
            "Łukasz, Agnieszka, Katarzyna, Paweł, Małgorzata, Tomasz, Oksana, Dmytro, Olena, "
            "Andriy, Zuzana, Jiří"
        ),
        _same(
            "Kovalenko, Shevchenko, Bondarenko, Tkachenko, Melnyk, Boyko, Nowak, Kowalczyk, "
            "Mazur, Król, Wróbel, Dvořák"
        ),
    ),
    NamePool(
        3,
        _same("José, María José, Sofía, Joaquín, Iñaki, Inês, João, Conceição, Mónica, Andrés"),
        _same("García, Rodríguez, Muñoz, Peña, Gonçalves, Araújo, Fernández"),
    ),
    NamePool(
        3,
        _same("Maria Cristina, Jose Miguel, Rowena, Jericho, Marites, Rhea, Angelica"),
        _same("Santos, Reyes, Cruz, Bautista, Ocampo, Dela Cruz, Villanueva"),
    ),
    NamePool(
        2,
        _same("Shirin, Dariush, Parisa, Reza, Niloufar, Arash, Abebe, Selam"),
        _same("Karimi, Hosseini, Rahimi, Moradi, Tesfaye, Bekele, Haile"),
    ),
)


_UNDECOMPOSED = str.maketrans({"ł": "l", "đ": "d", "ø": "o", "æ": "ae", "œ": "oe"})


def ascii_fold(text: str) -> str:
    """'Élodie O'Brien' -> 'elodieobrien': letters and digits only, accents dropped."""
    folded = unicodedata.normalize("NFKD", text.casefold().translate(_UNDECOMPOSED))
    return "".join(ch for ch in folded if ch.isascii() and ch.isalnum())


def email_for(given: str, family: str) -> str:
    return f"{ascii_fold(given)}.{ascii_fold(family)}@{EMAIL_DOMAIN}"
